// npm run bench:digest-page: GET /digest through the production server (src/cli/serve.ts, as `npm start` runs
// it) on a fresh data folder holding 3,000 papers that arrived in the last day, the most a day's edition reads.
// Prints requests/s, latency percentiles and the server's CPU time per request. Needs a current production
// build (`npm run build`).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent } from "../src/server/platform/build-stamp";
import { syntheticFile, writePieces } from "./synthetic-papers";

const PAPERS = Number(process.env.BENCH_PAPERS ?? 3_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = 4;
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const TICKS_PER_SECOND = 100; // Linux's USER_HZ: the unit of /proc/<pid>/stat CPU times

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime + stime
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main(): Promise<void> {
  if (!buildIsCurrent()) console.warn("warning: the production build is not current; run `npm run build` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-digest-page-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dir,
    PORT: String(PORT),
    SCHEDULER: "off",
    NODE_ENV: "production",
  };
  const file = path.join(dir, "papers.txt");
  await writePieces(file, syntheticFile("text", PAPERS));
  const ingest = spawnSync("npm", ["run", "--silent", "ingest", "--", file], { env, encoding: "utf8" });
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}${ingest.stderr}`);
  const server = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], { env, stdio: "ignore" });
  try {
    const url = `http://127.0.0.1:${PORT}/digest`;
    for (;;) {
      const ready = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (let i = 0; i < 10; i++) await (await fetch(url)).text(); // warm up
    const latencies: number[] = [];
    const cpuBefore = cpuMs(server.pid!);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < REQUESTS) {
          const t = performance.now();
          const response = await fetch(url);
          await response.text();
          if (!response.ok) throw new Error(`GET /digest answered ${response.status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuMs(server.pid!) - cpuBefore;
    latencies.sort((a, b) => a - b);
    console.log(`GET /digest, ${PAPERS} papers of the last day, ${REQUESTS} requests, ${CONCURRENCY} at a time`);
    console.log(`  ${(REQUESTS / seconds).toFixed(1)} requests/s`);
    console.log(
      `  latency p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms`,
    );
    console.log(`  server CPU ${(cpu / REQUESTS).toFixed(1)} ms per request`);
    console.log(
      `  load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
