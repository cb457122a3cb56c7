// The database a benchmark runs on, by engine, so every bench:* script measures SQLite and PostgreSQL alike:
//   --engine sqlite      (the default) a fresh file in a temporary folder
//   --engine postgres    a fresh database on the server at BENCH_POSTGRES_URL (or DATABASE_URL when it is a
//                        postgresql:// URL); without either, a throwaway server from scripts/pg-test-server.sh
// Everything the benchmark created (file, database, server) is removed by drop(), unless BENCH_KEEP_DB=1
// (for profiling afterwards: the URL is printed, and a PostgreSQL database needs a server that stays up).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type BenchEngine = "sqlite" | "postgres";

export interface BenchDatabase {
  engine: BenchEngine;
  /** The database's URL, for openStore or a child process's DATABASE_URL. */
  url: string;
  /** A scratch folder (the SQLite file, mail outbox, ...). */
  dir: string;
  /**
   * CPU seconds the database server's processes have used so far, for a throwaway PostgreSQL server (null
   * otherwise: SQLite runs inside the benchmark's own process, and a given server may serve others too).
   * On a machine shared with other work, wall-clock rates follow the load; CPU per unit of work does not.
   */
  serverCpuSeconds(): number | null;
  drop(): Promise<void>;
}

/** The engine named by --engine (or by DATABASE_URL's scheme), sqlite by default. */
export function benchEngine(argv = process.argv): BenchEngine {
  const at = argv.indexOf("--engine");
  const named = at > 0 ? argv[at + 1] : /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? "postgres" : "sqlite";
  if (named !== "sqlite" && named !== "postgres") {
    console.error(`--engine must be sqlite or postgres, not "${named ?? ""}"`);
    process.exit(2);
  }
  return named;
}

/** The arguments other than --engine and its value. */
export function argsWithoutEngine(argv = process.argv.slice(2)): string[] {
  const at = argv.indexOf("--engine");
  return at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + 2)];
}

export async function benchDatabase(name: string, engine = benchEngine()): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (engine === "sqlite") {
    return {
      engine,
      url: `file:${path.join(dir, "bench.db")}`,
      dir,
      serverCpuSeconds: () => null,
      drop: async () => (keep() ? console.log(`kept ${dir}`) : removeDir()),
    };
  }
  const given =
    process.env.BENCH_POSTGRES_URL ??
    (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined);
  const server = given ? { url: given, folder: null, stop: () => {} } : startThrowawayServer();
  const database = `bench_${name.replace(/\W/g, "_")}_${randomUUID().slice(0, 8)}`;
  await onServer(server.url, `CREATE DATABASE "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  console.log(`PostgreSQL: database ${database} on ${url.host}${given ? "" : " (a throwaway server)"}`);
  return {
    engine,
    url: url.toString(),
    dir,
    serverCpuSeconds: () => (server.folder ? postgresCpuSeconds(server.folder) : null),
    async drop() {
      if (keep()) return void console.log(`kept ${url.toString()}`);
      await onServer(server.url, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      server.stop();
      removeDir();
    },
  };
}

const keep = () => process.env.BENCH_KEEP_DB === "1";

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Memory for a throwaway server sized as README's "Running on PostgreSQL" recommends: the 100k-paper database
 * (about 1.2 GB) fits in shared buffers. With the default 128 MB, every search copied most of its matches' pages
 * from the OS cache: 112 against 52 ms of server CPU for "transfomer memory", measured.
 */
const BENCH_SERVER_OPTIONS = "-c shared_buffers=1536MB -c effective_cache_size=4GB -c work_mem=16MB";

/** scripts/pg-test-server.sh start: a server in a temporary folder on a free loopback port. */
function startThrowawayServer(): { url: string; folder: string; stop(): void } {
  const script = path.join(import.meta.dirname, "pg-test-server.sh");
  const exports = execFileSync("bash", [script, "start"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PG_TEST_OPTIONS: process.env.PG_TEST_OPTIONS ?? BENCH_SERVER_OPTIONS },
  });
  const value = (key: string) => new RegExp(`${key}=(\\S+)`).exec(exports)?.[1];
  const url = value("TEST_POSTGRES_URL");
  const folder = value("PG_TEST_DIR");
  if (!url || !folder) throw new Error(`pg-test-server.sh start printed no server:\n${exports}`);
  return { url, folder, stop: () => void execFileSync("bash", [script, "stop", folder], { stdio: "inherit" }) };
}

/** The postmaster's CPU, its finished children's, and its live children's (Linux /proc, clock ticks of 10 ms). */
function postgresCpuSeconds(folder: string): number {
  const postmaster = Number(fs.readFileSync(path.join(folder, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15) cutime(16) cstime(17).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(entry);
    if (pid === postmaster) ticks += [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
    else if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}
