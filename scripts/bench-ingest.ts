// Benchmark: 100k synthetic papers (text export, then arXiv Atom) into a fresh database each, end to end
// through the ingest steps (parse, dedupe, insert, FTS triggers, topic tagging, related lists).
// Prints papers/s by wall and by CPU time, and peak memory.
// Usage: npm run bench:ingest [-- <papers>]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../src/server/db";
import { parseImport } from "../src/domain/import/parse-import";
import type { IngestInput } from "../src/server/ingest/run-ingest";
import { indexNewPapers } from "../src/server/paper-indexing";
import { addedIds, storePapers } from "../src/server/paper-store";
import { recomputeVocabularyIfDue } from "../src/server/topic-store";
import { applyMigrations } from "../src/server/migrate";
import { syntheticAtomPages, syntheticTextExports } from "./synthetic-papers";

const PAPERS = Number(process.argv[2] ?? 100_000);
const NOW = new Date("2026-11-26T12:00:00Z");
// runIngest's default batch: one transaction per 2,000 papers.
const BATCH = 2_000;

type Step = "parse" | "store" | "vocabulary" | "index";
const STEPS: readonly Step[] = ["parse", "store", "vocabulary", "index"];

/**
 * The same steps as runIngest -> addPapers, timed apart: parse; store (transaction, FTS triggers and the
 * topic tags computed before the insert); the vocabulary recomputation tagNewPapers would start when the
 * corpus has doubled (timed alone: it runs about log2(papers / 500) times from an empty store); then
 * indexNewPapers (tagging of any batch the store could not tag, related-paper lists).
 */
async function benchOne(label: string, inputs: Iterable<IngestInput>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  applyMigrations(url);
  const db = await openDb(url);
  // CPU time as well as wall time: on a shared machine the CPU figure is the one that does not depend on load.
  const wall: Record<Step, number> = { parse: 0, store: 0, vocabulary: 0, index: 0 };
  const cpu: Record<Step, number> = { parse: 0, store: 0, vocabulary: 0, index: 0 };
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  async function timed<T>(step: Step, work: () => T | Promise<T>): Promise<T> {
    const [started, startedCpu] = [performance.now(), cpuMs()];
    const result = await work();
    wall[step] += performance.now() - started;
    cpu[step] += cpuMs() - startedCpu;
    return result;
  }
  let added = 0;
  let recomputations = 0;
  try {
    for (const input of inputs) {
      const { papers } = await timed("parse", () => parseImport(input.content));
      for (let start = 0; start < papers.length; start += BATCH) {
        const stored = await timed("store", () =>
          storePapers(db, papers.slice(start, start + BATCH), { source: "bench", now: NOW }),
        );
        if (await timed("vocabulary", () => recomputeVocabularyIfDue(db, NOW))) recomputations++;
        await timed("index", () => indexNewPapers(db, addedIds(stored), NOW, stored.tagged));
        added += stored.added;
      }
    }
    const searchable = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*) AS n FROM "PaperSearch" WHERE "PaperSearch" MATCH 'synthetic'`,
    );
    console.log(
      `${label}: ${added} papers, ${Number(searchable[0]?.n ?? 0)} searchable, ${await db.paperTopic.count()} topic links, ` +
        `${recomputations} vocabulary recomputations; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    for (const [clock, ms] of [
      ["wall", wall],
      ["CPU ", cpu],
    ] as const) {
      const total = STEPS.reduce((sum, step) => sum + ms[step], 0);
      const rate = (spent: number) => `${Math.round(added / (spent / 1000))}/s`;
      console.log(
        `  ${clock}: ${rate(total)} end to end (${(total / 1000).toFixed(1)} s), ${rate(total - ms.vocabulary)} without the vocabulary ` +
          `recomputations (${(ms.vocabulary / 1000).toFixed(1)} s); parse ${rate(ms.parse)}, store+FTS+topics ${rate(ms.store)}, ` +
          `indexNewPapers (related lists, batches the store left untagged) ${rate(ms.index)}`,
      );
    }
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
