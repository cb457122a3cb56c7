// npm run bench:http: the production server (`npm start`'s own script, on a fresh data folder with the 210 sample
// papers) under a crowd. autocannon, 50 connections for 10 s per address, one address after another: a static
// file first (the ceiling of this server on this machine), then the feed, a paper page, a search page, two API
// searches and lists, and a topic page; each after an unrecorded 2 s warm-up. Prints req/s, latency and errors per address, each one's share of the
// static file's req/s, and whether the targets hold. BENCH_URL measures a server that is already running instead.
// Options (environment): BENCH_CONNECTIONS (50), BENCH_SECONDS (10).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startAppServer } from "../tests/helpers/app-server";
import { freePort } from "../tests/helpers/free-port";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const P99_TARGET_MS = 150;

interface Target {
  label: string;
  path: string;
  /** Share of the static file's req/s to reach (null: the static file itself). */
  share: number | null;
}

interface Measured extends Target {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  serverErrors: number;
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function targets(url: string): Promise<Target[]> {
  const { papers } = await json<{ papers: { slug: string }[] }>(`${url}/api/papers?limit=1`);
  const { topics } = await json<{ topics: { slug: string }[] }>(`${url}/api/topics`);
  if (!papers[0] || !topics[0]) throw new Error("the server has no papers or topics: is the sample loaded?");
  return [
    { label: "a static file (/enhance.js): the ceiling", path: "/enhance.js", share: null },
    { label: "`/` (the feed)", path: "/", share: 0.25 },
    { label: "a paper page", path: `/papers/${papers[0].slug}`, share: 0.25 },
    { label: "`/?q=low rank adaptation`", path: "/?q=low%20rank%20adaptation", share: 0.1 },
    { label: "`/api/papers?q=atention heads`", path: "/api/papers?q=atention%20heads", share: 0.1 },
    { label: "`/api/papers?limit=20`", path: "/api/papers?limit=20", share: 0.25 },
    { label: "a topic page", path: `/topics/${topics[0].slug}`, share: 0.25 },
  ];
}

async function measure(url: string, target: Target): Promise<Measured> {
  // A short unrecorded run first, as a server that has been up a while would have had (its code compiled by the
  // JIT, the address in its cache): the measurement is the steady state.
  await autocannon({ url: `${url}${target.path}`, connections: CONNECTIONS, duration: WARM_UP_SECONDS });
  const result = await autocannon({ url: `${url}${target.path}`, connections: CONNECTIONS, duration: SECONDS });
  return {
    ...target,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverErrors: result["5xx"],
  };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" / ");

function report(rows: Measured[]): boolean {
  const ceiling = rows[0]!.requestsPerSecond;
  console.log(`\n| path | req/s | share of static | p50 | p99 | errors | non-2xx | target | met |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  let allMet = true;
  for (const row of rows) {
    const share = row.requestsPerSecond / ceiling;
    const clean = row.errors === 0 && row.non2xx === 0 && row.serverErrors === 0;
    const met = row.share === null ? clean : clean && share >= row.share && row.p99 <= P99_TARGET_MS;
    allMet &&= met;
    const target = row.share === null ? "no errors" : `≥ ${row.share * 100}%, p99 ≤ ${P99_TARGET_MS} ms`;
    console.log(
      `| ${row.label} | ${Math.round(row.requestsPerSecond).toLocaleString("en-US")} | ${row.share === null ? "–" : `${(share * 100).toFixed(1)}%`} | ${row.p50} ms | ${row.p99} ms | ${row.errors} | ${row.non2xx} | ${target} | ${met ? "yes" : "NO"} |`,
    );
  }
  return allMet;
}

async function main(): Promise<void> {
  // `npm start`'s own script on a fresh data folder (building first if the source changed), as a deployment runs it.
  const own = process.env.BENCH_URL ? null : await startAppServer({ port: await freePort() });
  const url = process.env.BENCH_URL ?? own!.url;
  try {
    const list = await targets(url);
    console.log(
      `bench:http against ${url}: ${CONNECTIONS} connections, ${SECONDS} s per address; load average (1/5/15 min) before: ${loadAverage()}`,
    );
    const rows: Measured[] = [];
    for (const target of list) {
      rows.push(await measure(url, target));
      console.log(`  ${target.path}: ${Math.round(rows.at(-1)!.requestsPerSecond)} req/s (load ${loadAverage()})`);
    }
    const met = report(rows);
    console.log(`\nLoad average after: ${loadAverage()}. Targets ${met ? "met" : "NOT met"}.`);
    process.exitCode = met ? 0 : 1;
  } finally {
    if (own) {
      await own.stop();
      fs.rmSync(path.dirname(own.dataDir), { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
