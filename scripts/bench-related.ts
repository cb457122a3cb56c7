// Benchmark: the related-papers step alone, as ingest runs it: batches of new papers (synthetic, the same
// generator as bench:ingest) get their lists and are offered to older lists, up to 100k papers.
// Prints papers/s for the step (wall clock, and CPU time, which a busy machine distorts less), the slowest
// batch and the cost of a full rebuild at the end.
// Usage: npm run bench:related [-- <papers> <batch>]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseTextExport } from "../src/domain/text-export";
import { openSqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { rebuildRelated, refreshRelated } from "../src/server/store/sqlite/related/related-store";
import { syntheticTextExports } from "./synthetic-papers";

const PAPERS = Number(process.argv[2] ?? 100_000);
const BATCH = Number(process.argv[3] ?? 2_000);
const NOW = new Date("2026-11-26T12:00:00Z");

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-related-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const store = await openSqliteStore(url, { halfLifeHours: 24 });
  const db = store.db;
  const entries = syntheticTextExports(PAPERS, 10_000).flatMap((file) => parseTextExport(file.content));
  console.log(
    `bench:related: ${entries.length} synthetic papers in batches of ${BATCH}, Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  let spent = 0;
  let cpu = 0;
  let slowest = 0;
  try {
    for (let start = 0; start < entries.length; start += BATCH) {
      const batch = entries.slice(start, start + BATCH);
      const rows = await db.paper.createManyAndReturn({
        data: batch.map((e, i) => ({
          slug: `paper-${start + i}`,
          title: e.title,
          abstract: e.abstract,
          titleText: e.title,
          abstractText: e.abstract,
          titleKey: `paper-${start + i}`,
          firstSeenAt: NOW,
          feedAt: NOW,
          sourceName: "bench",
        })),
        select: { id: true },
      });
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await refreshRelated(
        db,
        rows.map((r) => r.id),
      );
      const cpuUsed = process.cpuUsage(cpuBefore);
      cpu += (cpuUsed.user + cpuUsed.system) / 1000;
      const took = performance.now() - started;
      spent += took;
      slowest = Math.max(slowest, took);
    }
    const rowCount = await db.relatedPaper.count();
    console.log(
      `incremental: ${Math.round(entries.length / (spent / 1000))} papers/s wall, ${Math.round(entries.length / (cpu / 1000))} papers/s of CPU time ` +
        `(${(spent / 1000).toFixed(1)} s in all, slowest batch ${Math.round(slowest)} ms, ${rowCount} rows)`,
    );
    const started = performance.now();
    const rebuilt = await rebuildRelated(db);
    console.log(
      `rebuild: ${rebuilt.papers} papers, ${rebuilt.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(`peak memory (max RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
