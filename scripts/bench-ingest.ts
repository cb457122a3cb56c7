// Benchmark: 100k synthetic papers (text export, arXiv Atom, arXiv metadata JSON lines) into a fresh database
// each, end to end through the ingest steps (checking pass, parse, dedupe, insert, FTS triggers, topic tagging,
// related lists), each format streamed as one file through the importer's streaming parser.
// Prints papers/s by wall and by CPU time, and peak memory; on PostgreSQL also the database server's CPU and
// a line for the ingest target (at least 1,000 papers/s by the wall clock at 100k papers): wall rate, papers
// per CPU-second of the importer and with the server's, CPU per paper of each, how much of the time both
// worked at once (CPU-seconds per wall-second), met or not.
// On PostgreSQL the batches run inside the store's bulkImport, as `npm run ingest` runs them: the store step
// is addPapers (transaction, tagging, and the related lists of the batch before, written in the background
// meanwhile), not split further; the index step is the wait for the last batch's lists.
// Usage: npm run bench:ingest [-- <papers> [<format>...]] [--engine sqlite|postgres] (see scripts/bench-database.ts)
import os from "node:os";
import type { NewPaper } from "../src/domain/paper";
import { createImportParser } from "../src/domain/import/parse-import";
import { USABLE_FROM_HEAD } from "../src/server/ingest/run-ingest";
import type { Store } from "../src/server/store/store";
import { openPostgresStore, type PostgresStore } from "../src/server/store/postgres/postgres-store";
import { indexPendingPapers } from "../src/server/store/sqlite/papers/paper-indexing";
import { storePapers } from "../src/server/store/sqlite/papers/paper-store";
import { openSqliteStore, type SqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { recomputeVocabularyIfDue } from "../src/server/store/sqlite/topics/topic-store";
import { argsWithoutEngine, benchDatabase, benchEngine } from "./bench-database";
import { SYNTHETIC_FORMATS, syntheticFile, type SyntheticFormat } from "./synthetic-papers";

const ARGS = argsWithoutEngine();
const ENGINE = benchEngine();
const PAPERS = Number(ARGS[0] ?? 100_000);
const FORMATS = (ARGS.length > 1 ? ARGS.slice(1) : SYNTHETIC_FORMATS) as readonly SyntheticFormat[];
const NOW = new Date("2026-11-26T12:00:00Z");
// runIngest's default batch: one transaction per 2,000 papers.
const BATCH = 2_000;

type Step = "check" | "parse" | "store" | "vocabulary" | "index";
const STEPS: readonly Step[] = ["check", "parse", "store", "vocabulary", "index"];

/**
 * The same steps as runIngest -> addPapers, timed apart: the checking pass (a whole parse that only counts, or
 * for an arXiv snapshot its head and a count of its lines);
 * parse (the writing pass's parsing, piece by piece); store (transaction, FTS triggers and the
 * topic tags computed before the insert); the vocabulary recomputation tagNewPapers would start when the
 * corpus has doubled (timed alone: it runs about log2(papers / 500) times from an empty store); then
 * indexPendingPapers (tagging of any batch the store could not tag, related-paper lists).
 */
async function benchOne(format: SyntheticFormat): Promise<void> {
  const bench = await benchDatabase("ingest", ENGINE);
  const store =
    ENGINE === "sqlite"
      ? await openSqliteStore(bench.url, { halfLifeHours: 24 })
      : await openPostgresStore(bench.url, { halfLifeHours: 24 });
  // CPU time as well as wall time: on a shared machine the CPU figure is the one that does not depend on load.
  const wall: Record<Step, number> = { check: 0, parse: 0, store: 0, vocabulary: 0, index: 0 };
  const cpu: Record<Step, number> = { check: 0, parse: 0, store: 0, vocabulary: 0, index: 0 };
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
  const serverCpuBefore = bench.serverCpuSeconds();
  try {
    // Pieces are generated outside the timed steps: a file would be read from disk instead.
    // As runIngest's checking pass: an input whose head says it is usable (USABLE_FROM_HEAD) is parsed no
    // further than its head, and only its lines are counted; any other is parsed whole.
    const checker = createImportParser(format);
    let judgedByHead = false;
    let lines = 0;
    for (const piece of syntheticFile(format, PAPERS))
      await timed("check", () => {
        if (judgedByHead) return void (lines += piece.split("\n").length - 1);
        checker.push(piece);
        judgedByHead = checker.format !== undefined && USABLE_FROM_HEAD.has(checker.format);
      });
    if (!judgedByHead) await timed("check", () => checker.end());
    const parser = createImportParser(format);
    let pending: NewPaper[] = [];
    const options = { source: "bench", now: NOW, halfLifeHours: 24 };
    const write = async (batch: NewPaper[]) => {
      if (ENGINE === "postgres") {
        added += (await timed("store", () => store.papers.addPapers(batch, options))).added;
        return;
      }
      const db = (store as SqliteStore).db;
      const stored = await timed("store", () => storePapers(db, batch, options));
      if (await timed("vocabulary", () => recomputeVocabularyIfDue(db, NOW))) recomputations++;
      await timed("index", () => indexPendingPapers(db, NOW));
      added += stored.added;
    };
    const writeAll = async () => {
      for (const piece of thenNull(syntheticFile(format, PAPERS))) {
        const { papers } = await timed("parse", () => (piece === null ? parser.end() : parser.push(piece)));
        pending = pending.concat(papers);
        for (; pending.length >= BATCH || (piece === null && pending.length > 0); pending = pending.slice(BATCH))
          await write(pending.slice(0, BATCH));
      }
    };
    if (ENGINE === "postgres") await bulkImport(store, writeAll, wall, cpu, cpuMs);
    else await writeAll();
    const serverCpu = serverCpuBefore === null ? null : bench.serverCpuSeconds()! - serverCpuBefore;
    const { searchable, topicLinks } = await counts(store);
    console.log(
      `${format} on ${ENGINE}: ${added} papers, ${searchable} searchable, ${topicLinks} topic links, ` +
        `${ENGINE === "sqlite" ? recomputations : "(inside addPapers)"} vocabulary recomputations; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    if (serverCpu !== null) {
      // The import's CPU with the database server's (which a loaded machine shares out) and the rate it allows.
      const ownCpu = STEPS.reduce((sum, step) => sum + cpu[step], 0) / 1000;
      const perPaper = (ownCpu + serverCpu) / Math.max(1, added);
      console.log(
        `  database server CPU ${serverCpu.toFixed(1)} s; with the importer's ${ownCpu.toFixed(1)} s: ${Math.round(1 / perPaper)} papers per CPU-second in all (checking pass included)`,
      );
    }
    const seconds = (ms: Record<Step, number>) => STEPS.reduce((sum, step) => sum + ms[step], 0) / 1000;
    if (ENGINE === "postgres") printTarget(added, seconds(wall), seconds(cpu), serverCpu);
    for (const [clock, ms] of [
      ["wall", wall],
      ["CPU ", cpu],
    ] as const) {
      const total = STEPS.reduce((sum, step) => sum + ms[step], 0);
      const rate = (spent: number) => `${Math.round(added / (spent / 1000))}/s`;
      console.log(
        `  ${clock}: ${rate(total)} end to end (${(total / 1000).toFixed(1)} s), ${rate(total - ms.vocabulary)} without the vocabulary ` +
          `recomputations (${(ms.vocabulary / 1000).toFixed(1)} s); checking pass ${rate(ms.check)}, parse ${rate(ms.parse)}, store+FTS+topics ${rate(ms.store)}, ` +
          `indexPendingPapers (related lists, batches the store left untagged) ${rate(ms.index)}`,
      );
    }
  } finally {
    await store.close();
    await bench.drop();
  }
}

/**
 * PostgreSQL's import as `npm run ingest` runs it (runIngest with `background`): the batches inside the store's
 * bulkImport, which writes related lists in the background while the next batch is parsed and stored. Its
 * wait for the last batch's lists (and any in-line retry) counts as the index step.
 */
async function bulkImport(
  store: Store,
  writeAll: () => Promise<void>,
  wall: Record<Step, number>,
  cpu: Record<Step, number>,
  cpuMs: () => number,
): Promise<void> {
  let tail = [0, 0];
  const { indexing } = await store.papers.bulkImport!(NOW, async () => {
    await writeAll();
    tail = [performance.now(), cpuMs()];
  });
  wall.index += performance.now() - tail[0]!;
  cpu.index += cpuMs() - tail[1]!;
  if (indexing) throw new Error(`${indexing.pending} papers left unindexed: ${indexing.error}`);
}

/** The figures issue 13's ingest target names: PostgreSQL, 100k papers, at least 1,000 papers/s by the wall clock. */
function printTarget(added: number, wallSeconds: number, ownCpu: number, serverCpu: number | null): void {
  const rate = Math.round(added / wallSeconds);
  const perCpu =
    `${Math.round(added / ownCpu)} papers per CPU-second of the importer` +
    (serverCpu === null
      ? " (server CPU unknown: not a throwaway server)"
      : `, ${Math.round(added / (ownCpu + serverCpu))} with the server's`);
  const perPaper =
    `CPU per paper: importer ${((ownCpu * 1000) / added).toFixed(2)} ms` +
    (serverCpu === null
      ? ""
      : `, server ${((serverCpu * 1000) / added).toFixed(2)} ms; ` +
        // Above 1 only when the importer and the server (or two server backends) work at once.
        `${((ownCpu + serverCpu) / wallSeconds).toFixed(2)} CPU-seconds (both) per wall-second`);
  const verdict = added < 100_000 ? "not judged (fewer than 100,000 papers)" : rate >= 1_000 ? "MET" : "NOT met";
  console.log(
    `  target ≥ 1,000 papers/s (wall, 100k, PostgreSQL): ${rate} papers/s wall; ${perCpu}; ${perPaper}; ${verdict} at load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
}

/** Papers the full-text index finds by a word every synthetic abstract has, and topic links. */
async function counts(store: Store): Promise<{ searchable: number; topicLinks: number }> {
  if (ENGINE === "sqlite") {
    const { db } = store as SqliteStore;
    const rows = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*) AS n FROM "PaperSearch" WHERE "PaperSearch" MATCH 'synthetic'`,
    );
    return { searchable: Number(rows[0]?.n ?? 0), topicLinks: await db.paperTopic.count() };
  }
  const { db } = store as PostgresStore;
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "Paper" WHERE "searchVector" @@ to_tsquery('english', 'synthetic')`,
  );
  return { searchable: Number(rows[0]?.n ?? 0), topicLinks: await db.paperTopic.count() };
}

/** The pieces, then null for the end of the input. */
function* thenNull<T>(items: Iterable<T>): Generator<T | null> {
  yield* items;
  yield null;
}

async function main(): Promise<void> {
  console.log(
    `bench:ingest on ${ENGINE}: ${PAPERS} synthetic papers per format (${FORMATS.join(", ")}), Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  for (const format of FORMATS) await benchOne(format);
  console.log(`peak memory (max RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
