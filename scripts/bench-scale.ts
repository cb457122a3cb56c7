// The scale table: for one corpus size, a synthetic arXiv snapshot (made, or reused when made today)
// is imported into a fresh SQLite database with the real `npm run ingest` (topics, search index and
// related lists included), then the database is measured in-process (search, feed, topic page, related
// lists, vocabulary) and over HTTP (`npm start` on it, autocannon with distinct searches).
// Usage: npm run bench:scale -- <10k|100k|1M|n> [--connections 4] [--seconds 10] [--keep-db | --reuse-db <dir>]
// --reuse-db measures a data directory a --keep-db run left (its ingest is not repeated, nor reported).
// Linux only (memory is read from /proc). Prints a table and writes it as JSON beside the corpus.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openSqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { defaultCorpusFile, PaperCountSchema, writeCorpus } from "./make-corpus";
import { startAppServer } from "./scale/app-server";
import { loadPaths, type LoadResult } from "./scale/http-load";
import { sampleTree, treeMemory } from "./scale/process-memory";
import { manyPlainQueries, manyTypoQueries } from "./scale/scale-queries";
import { measureStore, type P95, type StoreFigures } from "./scale/store-measures";

const DAY = 86_400_000;
const load = () => os.loadavg()[0]!.toFixed(1);

/** The corpus file for `papers`, written afresh unless one was written in the last day (its dates are "now"). */
async function corpusFor(papers: number): Promise<string> {
  const file = defaultCorpusFile(papers);
  if (fs.existsSync(file) && Date.now() - fs.statSync(file).mtimeMs < DAY) return file;
  const started = performance.now();
  await writeCorpus(file, papers);
  console.log(`corpus: ${file} written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return file;
}

interface IngestFigures {
  papersPerSecond: number;
  seconds: number;
  peakRssMb: number;
  /** Papers per second of CPU time (all processes of the command): what a busy machine distorts least. */
  papersPerCpuSecond: number;
  /** CPU-seconds per wall-second: how much of the machine's cores the import used (2 = both of two). */
  coresUsed: number;
  load: string;
}

/** `npm run ingest -- <corpus>` into `dataDir`, timed by the wall clock, its peak RSS sampled from /proc. */
async function ingest(corpus: string, papers: number, env: Record<string, string>): Promise<IngestFigures> {
  const loadBefore = load();
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", "ingest", "--", corpus, "--timings"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const sampler = sampleTree(child.pid!);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const seconds = (performance.now() - started) / 1000;
  const { peakRssMb, cpuSeconds } = sampler.stop();
  if (code !== 0 || !new RegExp(`added\\s+${papers}\\b`).test(output))
    throw new Error(`npm run ingest failed (exit ${code}):\n${output}`);
  // The import's own account of where its wall time went (npm run ingest -- --timings).
  const breakdown = output.slice(output.indexOf("where the time went"));
  if (breakdown.startsWith("where")) console.log(breakdown.trimEnd());
  return {
    papersPerSecond: papers / seconds,
    seconds,
    peakRssMb,
    papersPerCpuSecond: papers / cpuSeconds,
    coresUsed: cpuSeconds / seconds,
    load: `${loadBefore}→${load()}`,
  };
}

interface HttpFigures {
  plain: LoadResult & { serverCpuMsPerRequest: number };
  typos: LoadResult & { serverCpuMsPerRequest: number };
  serverRssMb: number;
  serverPeakMb: number;
  load: string;
}

async function overHttp(env: Record<string, string>, connections: number, seconds: number): Promise<HttpFigures> {
  const server = await startAppServer({ ...env, SCHEDULER: "off" });
  const serving = () => treeMemory(server.pid).find((p) => p.command.includes("serve.ts"));
  // The serving process's CPU time per request: on a shared machine, the figure other processes do not inflate.
  const measured = async (paths: string[]) => {
    const cpuBefore = serving()?.cpuSeconds ?? Number.NaN;
    const result = await loadPaths(server.baseUrl, paths, { connections, seconds });
    const cpu = (serving()?.cpuSeconds ?? Number.NaN) - cpuBefore;
    return { ...result, serverCpuMsPerRequest: (cpu * 1000) / result.requests };
  };
  try {
    const loadBefore = load();
    const api = (q: string) => `/api/papers?q=${encodeURIComponent(q)}`;
    // The first search builds the in-memory vocabulary: warm up on queries the runs do not repeat.
    for (const q of manyPlainQueries(20).map((q) => `${q} network`)) await fetch(`${server.baseUrl}${api(q)}`);
    const plain = await measured(manyPlainQueries(20_000).map(api));
    const typos = await measured(manyTypoQueries(20_000).map(api));
    const memory = serving();
    return {
      plain,
      typos,
      serverRssMb: memory?.rssMb ?? Number.NaN,
      serverPeakMb: memory?.peakMb ?? Number.NaN,
      load: `${loadBefore}→${load()}`,
    };
  } finally {
    await server.stop();
  }
}

const ingestRow = (i: IngestFigures | null) =>
  i === null
    ? "not run (--reuse-db)"
    : `${Math.round(i.papersPerSecond)} papers/s (${i.seconds.toFixed(0)} s; ${Math.round(i.papersPerCpuSecond)} per CPU-second, ${i.coresUsed.toFixed(2)} CPU-seconds per wall-second), peak RSS ${Math.round(i.peakRssMb)} MB, load ${i.load}`;

function databaseMb(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0) / 1_048_576;
}

function report(papers: number, figures: Record<string, string>): void {
  console.log(
    `\nbench:scale, ${papers.toLocaleString("en")} papers (Node ${process.version}, ${os.cpus().length} CPUs)`,
  );
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(width)}  ${value}`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      connections: { type: "string", default: "4" },
      seconds: { type: "string", default: "10" },
      "keep-db": { type: "boolean", default: false },
      "reuse-db": { type: "string" },
    },
  });
  const parsed = PaperCountSchema.safeParse(positionals[0]);
  const connections = Number(values.connections);
  const seconds = Number(values.seconds);
  if (!parsed.success || !(connections >= 1) || !(seconds >= 1)) {
    console.error(
      `bench:scale: ${parsed.success ? "--connections and --seconds must be at least 1" : parsed.error.issues[0]?.message}\n` +
        "usage: npm run bench:scale -- <10k|100k|1M|n> [--connections 4] [--seconds 10] [--keep-db | --reuse-db <dir>]",
    );
    return 2;
  }
  const papers = parsed.data;
  const reused = values["reuse-db"];
  const dataDir = reused ?? fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
  const env = { DATA_DIR: dataDir, SAMPLE_DATA: "off" };
  try {
    let ingested: IngestFigures | null = null;
    if (!reused) {
      const corpus = await corpusFor(papers);
      console.log(`ingesting ${corpus} into ${dataDir} (load ${load()})…`);
      ingested = await ingest(corpus, papers, env);
    }
    const dbMb = databaseMb(path.join(dataDir, "paper-digest.db"));
    console.log(`ingest: ${ingestRow(ingested)}; database ${Math.round(dbMb)} MB; searching over HTTP…`);
    const http = await overHttp(env, connections, seconds);
    console.log("measuring in-process…");
    const loadBefore = load();
    const store = await openSqliteStore(`file:${path.join(dataDir, "paper-digest.db")}`, { halfLifeHours: 24 });
    let measured: StoreFigures;
    try {
      measured = await measureStore(store, new Date());
    } finally {
      await store.close();
    }
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const cpuToo = ({ wall, cpu }: P95, unit: (v: number) => string = ms) => `${unit(wall)} (CPU ${unit(cpu)})`;
    const httpRow = (r: HttpFigures["plain"]) =>
      `p95 ${ms(r.p95)} (p50 ${ms(r.p50)}, p99 ${ms(r.p99)}), ${Math.round(r.perSecond)} req/s, ${r.errors} errors, ${r.non2xx} non-2xx; server CPU ${ms(r.serverCpuMsPerRequest)} per request`;
    const s = (value: number) => `${value.toFixed(1)} s`;
    const figures = {
      "ingest (npm run ingest, wall)": ingestRow(ingested),
      "database size": `${Math.round(dbMb)} MB`,
      [`HTTP search, plain (${connections} connections)`]: httpRow(http.plain),
      [`HTTP search, typos (${connections} connections)`]: httpRow(http.typos),
      "server RSS after the load": `${Math.round(http.serverRssMb)} MB (peak ${Math.round(http.serverPeakMb)} MB), load ${http.load}`,
      "search p95: plain": cpuToo(measured.search.plain),
      "search p95: typos": cpuToo(measured.search.typos),
      "search p95: very common words": cpuToo(measured.search.common),
      "search p95: topic + query": `${cpuToo(measured.search.topicQuery)} (${measured.topics.phrase}, ${measured.topics.category})`,
      "feed first page p95: week (default)": cpuToo(measured.feed.week),
      "feed first page p95: all": cpuToo(measured.feed.all),
      "topic first page p95": cpuToo(measured.topicPage),
      "related lists (newest 1,000 papers), per paper": cpuToo(measured.relatedMsPerPaper, (v) => `${v.toFixed(2)} ms`),
      "related index load (whole corpus)": cpuToo(measured.relatedIndexLoadSeconds, s),
      "vocabulary recomputation": cpuToo(measured.vocabularySeconds, s),
      "load while measuring in-process": `${loadBefore}→${load()}`,
    };
    report(papers, figures);
    const out = path.join(os.tmpdir(), `bench-scale-${papers}.json`);
    fs.writeFileSync(
      out,
      JSON.stringify(
        { papers, at: new Date().toISOString(), connections, seconds, ingested, dbMb, http, measured },
        null,
        2,
      ),
    );
    console.log(`(also written to ${out})`);
    return 0;
  } finally {
    if (values["keep-db"] || reused) console.log(`database kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
