// Search benchmark: a deterministic synthetic corpus of 100k abstracts recombined from the sample's
// sentences, then a fixed query mix (plain, multi-word, very common, typos, topic filters) timed
// server-side through searchPapers, plus naive fuse.js over a 10k subset for comparison.
// Usage: npm run bench:search [-- --papers 100000] [--engine sqlite|postgres] [--no-baseline] (scripts/bench-database.ts)
// With --engine postgres the same corpus is also built on SQLite (the baseline, unless --no-baseline) and
// the two are measured in turns, round by round, so the p95 ratio per mix (target: ≤ 2×) is of one sitting.
import fs from "node:fs";
import os from "node:os";
import Fuse from "fuse.js";
import { parseTextExport } from "../src/domain/text-export";
import { titleKey } from "../src/domain/title-key";
import type { NewPaper } from "../src/domain/paper";
import { openPostgresStore, type PostgresStore } from "../src/server/store/postgres/postgres-store";
import { openSqliteStore, type SqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { SAMPLE_FILE } from "../src/server/papers/sample-data";
import { searchPapers } from "../src/server/search/search-papers";
import { benchDatabase, benchEngine, type BenchDatabase, type BenchEngine } from "./bench-database";

const papersArg = process.argv.indexOf("--papers");
const PAPERS = papersArg > 0 ? Number(process.argv[papersArg + 1]) : 100_000;
const NOW = new Date("2026-11-20T12:00:00Z");
const ROUNDS = 5;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sample = parseTextExport(fs.readFileSync(SAMPLE_FILE, "utf8"));
const sentences = sample.flatMap((e) => e.abstract.split(/(?<=\.)\s+/)).filter((s) => s.length > 20);
let rand = random(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/**
 * Each synthetic paper takes its title and most sentences from one sample paper (its "topic"), plus a
 * couple of sentences from anywhere, so words keep realistic document frequencies and topics cluster.
 */
function syntheticPaper(i: number) {
  const base = pick(sample);
  const words = base.title.split(" ");
  words[Math.floor(rand() * words.length)] = pick(pick(sample).title.split(" "));
  const title = `${words.join(" ")} ${i}`;
  const own = base.abstract.split(/(?<=\.)\s+/).filter(() => rand() < 0.7);
  const abstract = [...own, ...Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(sentences))].join(" ");
  const feedAt = new Date(NOW.getTime() - Math.floor(rand() * 60 * 86_400_000)).toISOString().replace("Z", "+00:00");
  const authors = [`Author ${Math.floor(rand() * 5000)}`, `Researcher ${Math.floor(rand() * 5000)}`];
  return {
    s: `paper-${i}`,
    t: title,
    a: abstract,
    au: JSON.stringify(authors),
    at: authors.join(", "),
    k: titleKey(title),
    f: feedAt,
    r: Math.log2(1 + rand() * 100) + (Date.parse(feedAt) - Date.UTC(2024, 0, 1)) / 86_400_000,
  };
}

const percentiles = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${at(0.5).toFixed(1)} · p95 ${at(0.95).toFixed(1)} · max ${sorted.at(-1)!.toFixed(1)} ms`;
};
// Wall time depends on what else the machine runs; the process's own CPU time (SQLite runs on
// this thread too) is the query's cost without that noise. Both are printed.
const stats = (wall: number[], cpu: number[]) =>
  `wall ${percentiles(wall)} | cpu ${percentiles(cpu)} (${wall.length} runs)`;
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

type Row = ReturnType<typeof syntheticPaper>;

/** The corpus goes in with one statement per 5,000 rows (not through the importer): the queries are what is timed. */
async function insertRows(store: SqliteStore | PostgresStore, engine: BenchEngine, rows: Row[]): Promise<void> {
  if (engine === "sqlite") {
    await (store as SqliteStore).db.$executeRawUnsafe(
      `INSERT INTO "Paper" ("slug","title","abstract","titleText","abstractText","authors","authorsText","titleKey","firstSeenAt","feedAt","updatedAt","sourceName","trendKey")
       SELECT json_extract(value,'$.s'), json_extract(value,'$.t'), json_extract(value,'$.a'), json_extract(value,'$.t'), json_extract(value,'$.a'),
              json_extract(value,'$.au'), json_extract(value,'$.at'), json_extract(value,'$.k'), json_extract(value,'$.f'), json_extract(value,'$.f'),
              json_extract(value,'$.f'), 'bench', json_extract(value,'$.r') FROM json_each(?)`,
      JSON.stringify(rows),
    );
    return;
  }
  await (store as PostgresStore).db.$executeRawUnsafe(
    `INSERT INTO "Paper" ("slug","title","abstract","titleText","abstractText","authors","authorsText","titleKey","firstSeenAt","feedAt","updatedAt","sourceName","trendKey")
     SELECT x.s, x.t, x.a, x.t, x.a, x.au, x."at", x.k, x.f, x.f, x.f, 'bench', x.r
     FROM jsonb_to_recordset($1::jsonb) AS x(s text, t text, a text, au text, "at" text, k text, f timestamptz, r float8)`,
    JSON.stringify(rows),
  );
}

/** A synthetic row as the importer takes it, for timing addPapers at this corpus size. */
function asNewPaper(row: Row): NewPaper {
  return { title: row.t, abstract: row.a, authors: JSON.parse(row.au) as string[], publishedAt: new Date(row.f) };
}

interface Built {
  engine: BenchEngine;
  bench: BenchDatabase;
  store: SqliteStore | PostgresStore;
  /** The first 10,000 papers, for the fuse.js comparison. */
  corpus: Row[];
}

/** The corpus (the same papers on every engine: the generator restarts from its seed), topics, vocabulary. */
async function build(engine: BenchEngine): Promise<Built> {
  rand = random(42);
  const bench = await benchDatabase("search", engine);
  const store =
    engine === "sqlite"
      ? await openSqliteStore(bench.url, { halfLifeHours: 24 })
      : await openPostgresStore(bench.url, { halfLifeHours: 24 });
  console.log(
    `Search benchmark on ${engine}: ${PAPERS.toLocaleString("en")} synthetic papers (Node ${process.version}, ${os.cpus().length} CPUs)`,
  );

  let started = performance.now();
  const corpus: Row[] = [];
  for (let from = 0; from < PAPERS; from += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, PAPERS - from) }, (_, k) => syntheticPaper(from + k));
    if (corpus.length < 10_000) corpus.push(...batch.slice(0, 10_000 - corpus.length));
    await insertRows(store, engine, batch);
  }
  const index = engine === "sqlite" ? "FTS5 triggers" : "generated tsvector, GIN";
  console.log(`insert + full-text index (${index}): ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const vocabulary = await store.topics.recomputeVocabulary(NOW);
  console.log(
    `topic vocabulary + tagging of the whole corpus: ${((performance.now() - started) / 1000).toFixed(1)} s (${vocabulary.topics} topics, ${vocabulary.tagged.toLocaleString("en")} tags)`,
  );
  const warm = await store.search.warm();
  console.log(`search vocabulary warm-up: ${(warm.ms / 1000).toFixed(1)} s (${warm.words.toLocaleString("en")} words)`);

  started = performance.now();
  const extra = Array.from({ length: 1_000 }, (_, k) => asNewPaper(syntheticPaper(PAPERS + k)));
  await store.papers.addPapers(extra, { source: "bench", now: NOW, halfLifeHours: 24 });
  const addMs = performance.now() - started;
  console.log(
    `addPapers of 1,000 new papers at this size (insert, topics, related lists): ${addMs.toFixed(0)} ms (${(addMs / 1000).toFixed(2)} ms per paper)`,
  );
  if (engine === "postgres") {
    // Tagging rewrote every row: settle the table as autovacuum would, rather than measure beside it.
    started = performance.now();
    await (store as PostgresStore).db.$executeRawUnsafe(`VACUUM (ANALYZE) "Paper", "PaperTopic"`);
    console.log(`VACUUM (ANALYZE): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { engine, bench, store, corpus };
}

type Mix = Record<string, { q: string; topic?: string }[]>;

async function queryMix(store: SqliteStore | PostgresStore): Promise<Mix> {
  const topics = ["low-rank-adaptation", "activation-sparsity", "mixture-of-experts", "quantization"];
  const topicIds = (await Promise.all(topics.map((slug) => store.topics.topicBySlug(slug)))).filter((t) => t !== null);
  return {
    "plain (1–3 words)": [
      "quantization",
      "kolmogorov arnold networks",
      "activation sparsity",
      "mixture of experts",
      "linear attention",
      "induction heads",
      "state space models",
      "galore memory",
    ].map((q) => ({ q })),
    "very common words": ["language models", "neural networks", "training", "performance of large language models"].map(
      (q) => ({ q }),
    ),
    "with typos": [
      "quantisation",
      "transfomer memory",
      "kolmogrov arnold",
      "activaton sparsity",
      "lora finetunig",
      "mixture of exprts",
      "interpretabilty",
      "inducton heads",
    ].map((q) => ({ q })),
    "topic first page (no query)": topicIds.map((t) => ({ q: "", topic: t.slug })),
    "topic + query": topicIds.map((t) => ({ q: "memory", topic: t.slug })),
  };
}

interface Timings {
  wall: number[];
  cpu: number[];
  /** The throwaway PostgreSQL server's CPU over these runs, in ms (null when not known). */
  serverMs: number | null;
}

/** One round of a mix: every query, sorted by relevance (all time) and by trending (this week). */
async function runRound(built: Built, queries: Mix[string], into: Timings): Promise<void> {
  const server0 = built.bench.serverCpuSeconds();
  for (const { q, topic } of queries) {
    for (const [sort, window] of [
      ["relevance", "all"],
      ["trending", "week"],
    ] as const) {
      const [t0, c0] = [performance.now(), cpuMs()];
      await searchPapers(built.store, { q, topic, sort, window, limit: 20, offset: 0, now: NOW });
      into.wall.push(performance.now() - t0);
      into.cpu.push(cpuMs() - c0);
    }
  }
  const server1 = built.bench.serverCpuSeconds();
  if (server0 !== null && server1 !== null) into.serverMs = (into.serverMs ?? 0) + (server1 - server0) * 1000;
}

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(0.95 * ms.length))]!;
const mean = (ms: number[]) => ms.reduce((a, b) => a + b, 0) / ms.length;
/** CPU per search: the benchmark process's, plus the database server's when it is known. */
const cpuPerSearch = (t: Timings) => mean(t.cpu) + (t.serverMs ?? 0) / t.cpu.length;

async function main() {
  const engine = benchEngine();
  const engines: BenchEngine[] =
    engine === "postgres" && !process.argv.includes("--no-baseline") ? ["sqlite", "postgres"] : [engine];
  const builds: Built[] = [];
  for (const e of engines) builds.push(await build(e));
  const mix = await queryMix(builds[0]!.store);

  const results = new Map<string, Timings[]>();
  for (const [name, queries] of Object.entries(mix)) {
    for (const built of builds)
      for (const { q, topic } of queries)
        await searchPapers(built.store, { q, topic, sort: "relevance", window: "all", limit: 20, offset: 0, now: NOW });
    const timings = builds.map((): Timings => ({ wall: [], cpu: [], serverMs: null }));
    // Engines take turns (the order flips every round), so a burst of load on the machine hits both.
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? builds.keys() : [...builds.keys()].reverse();
      for (const i of order) await runRound(builds[i]!, queries, timings[i]!);
    }
    results.set(name, timings);
    builds.forEach((built, i) => {
      const t = timings[i]!;
      const server =
        t.serverMs === null ? "" : ` | + server cpu ${(t.serverMs / t.cpu.length).toFixed(1)} ms per search`;
      console.log(`${built.engine.padEnd(8)} ${name.padEnd(28)} ${stats(t.wall, t.cpu)}${server}`);
    });
  }

  console.log(
    `load average while measuring: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} CPUs`,
  );
  for (const built of builds) {
    const size = await databaseBytes(built.store, built.engine);
    console.log(`${built.engine} db size ${(size / 1_048_576).toFixed(0)} MB`);
  }
  const memory = process.memoryUsage();
  console.log(
    `process rss ${(memory.rss / 1_048_576).toFixed(0)} MB, heap ${(memory.heapUsed / 1_048_576).toFixed(0)} MB`,
  );

  if (builds.length === 2) {
    console.log(`\nPostgreSQL ÷ SQLite, same corpus, same sitting (target: search p95 within 2× of SQLite's)`);
    let met = true;
    for (const [name, [lite, pg]] of results) {
      const ratio = p95(pg!.wall) / p95(lite!.wall);
      met &&= ratio <= 2;
      const cpuRatio = cpuPerSearch(pg!) / cpuPerSearch(lite!);
      console.log(
        `${name.padEnd(28)} wall p95 ${p95(lite!.wall).toFixed(1)} → ${p95(pg!.wall).toFixed(1)} ms: ${ratio.toFixed(2)}× ${ratio <= 2 ? "✓" : "✗"} | cpu per search ${cpuPerSearch(lite!).toFixed(1)} → ${cpuPerSearch(pg!).toFixed(1)} ms${pg!.serverMs === null ? " (server not counted)" : " (with the server)"}: ${cpuRatio.toFixed(2)}×`,
      );
    }
    console.log(`target (every mix's p95 ≤ 2× SQLite's): ${met ? "met" : "NOT met"}`);
  }

  const corpus = builds[0]!.corpus;
  const fuse = new Fuse(corpus, {
    keys: [
      { name: "t", weight: 2 },
      { name: "a", weight: 1 },
    ],
    includeScore: true,
  });
  const fuseTimes: number[] = [];
  for (const q of ["quantization", "kolmogorov arnold networks", "lora finetunig"]) {
    const t0 = performance.now();
    fuse.search(q, { limit: 20 });
    fuseTimes.push(performance.now() - t0);
  }
  const fuseAvg = fuseTimes.reduce((a, b) => a + b, 0) / fuseTimes.length;
  console.log(
    `naive fuse.js over ${corpus.length.toLocaleString("en")} whole abstracts: ${fuseAvg.toFixed(0)} ms per query (vs the store's full-text search + fuse above on ${PAPERS.toLocaleString("en")})`,
  );

  for (const built of builds) {
    await built.store.close();
    await built.bench.drop();
  }
}

async function databaseBytes(store: SqliteStore | PostgresStore, engine: BenchEngine): Promise<number> {
  if (engine === "postgres") {
    const [row] = await (store as PostgresStore).db.$queryRaw<
      { bytes: bigint }[]
    >`SELECT pg_database_size(current_database()) AS bytes`;
    return Number(row!.bytes);
  }
  const file = (store as SqliteStore).file;
  return fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
