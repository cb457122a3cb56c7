// Benchmark: 100k synthetic papers (text export, then arXiv Atom) into a fresh database each, end to end
// through the ingest steps (parse, dedupe, insert, FTS triggers, topic tagging). Prints papers/s and peak memory.
// Usage: npm run bench:ingest [-- <papers>]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../src/server/db";
import { parseImport } from "../src/domain/import/parse-import";
import type { IngestInput } from "../src/server/ingest/run-ingest";
import { indexNewPapers } from "../src/server/paper-indexing";
import { storePapers } from "../src/server/paper-store";
import { applyMigrations } from "../src/server/migrate";
import { syntheticAtomPages, syntheticTextExports } from "./synthetic-papers";

const PAPERS = Number(process.argv[2] ?? 100_000);
const NOW = new Date("2026-11-26T12:00:00Z");
// runIngest's default batch: one transaction per 500 papers.
const BATCH = 500;

/** The same steps as runIngest -> addPapers, timed apart: parse, store (transaction + FTS), topic tagging. */
async function benchOne(label: string, inputs: Iterable<IngestInput>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  applyMigrations(url);
  const db = await openDb(url);
  const time = { parse: 0, store: 0, tag: 0 };
  // CPU time as well as wall time: on a shared machine the CPU figure is the one that does not depend on load.
  const cpu = { parse: 0, store: 0, tag: 0 };
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let added = 0;
  try {
    for (const input of inputs) {
      let started = performance.now();
      let startedCpu = cpuMs();
      const { papers } = parseImport(input.content);
      time.parse += performance.now() - started;
      cpu.parse += cpuMs() - startedCpu;
      for (let start = 0; start < papers.length; start += BATCH) {
        [started, startedCpu] = [performance.now(), cpuMs()];
        const result = await storePapers(db, papers.slice(start, start + BATCH), { source: "bench", now: NOW });
        time.store += performance.now() - started;
        cpu.store += cpuMs() - startedCpu;
        [started, startedCpu] = [performance.now(), cpuMs()];
        await indexNewPapers(db, result.outcomes.filter((o) => o.outcome === "added").map((o) => o.paperId), NOW);
        time.tag += performance.now() - started;
        cpu.tag += cpuMs() - startedCpu;
        added += result.added;
      }
    }
    const total = (time.parse + time.store + time.tag) / 1000;
    const rate = (ms: number) => `${Math.round(added / (ms / 1000))}/s`;
    const searchable = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*) AS n FROM "PaperSearch" WHERE "PaperSearch" MATCH 'synthetic'`);
    console.log(
      `${label}: ${added} papers in ${total.toFixed(1)} s = ${Math.round(added / total)} papers/s end to end ` +
        `(parse ${rate(time.parse)}, store+FTS ${rate(time.store)}, topic tagging ${rate(time.tag)}; ` +
        `${Number(searchable[0]?.n ?? 0)} searchable, ${await db.paperTopic.count()} topic links)`,
    );
    const cpuTotal = cpu.parse + cpu.store + cpu.tag;
    console.log(
      `${label}  by CPU time: ${Math.round(added / (cpuTotal / 1000))} papers/s ` +
        `(parse ${rate(cpu.parse)}, store+FTS ${rate(cpu.store)}, topic tagging ${rate(cpu.tag)}; load average ${os.loadavg()[0]!.toFixed(1)})`,
    );
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`bench:ingest: ${PAPERS} synthetic papers per format, Node ${process.version}, ${os.cpus().length} CPUs`);
  await benchOne("text export", syntheticTextExports(PAPERS, 10_000));
  await benchOne("arXiv Atom ", syntheticAtomPages(PAPERS, 2_000));
  console.log(`peak memory (max RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
