// Database faults on PostgreSQL, through real processes: `npm start` against a server that is not there
// stops with one line naming it; a server that drops the app's connections makes /api/health answer 503,
// and the app recovers by itself once connections are allowed again.
import { spawn } from "node:child_process";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT, startNext, type AppProcess } from "../../helpers/app-process";
import { appEnv } from "../../helpers/app-env";
import { createTempDb, type TempDb } from "../../helpers/temp-db";

const PORT = 3763;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("npm start with an unreachable database", () => {
  it("exits 1 with a message naming the host, no stack trace", async () => {
    const port = await closedPort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/start.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `postgresql://app:secret@127.0.0.1:${port}/paper_digest`,
        PORT: "3764",
        SCHEDULER: "off",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain(`cannot reach the PostgreSQL server at 127.0.0.1:${port}/paper_digest`);
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toContain("secret");
  }, 120_000);
});

describe("a connection lost while serving", () => {
  let temp: TempDb;
  let server: AppProcess;
  const database = () => new URL(temp.url).pathname.slice(1);
  const health = async () => (await fetch(`${server.url}/api/health`)).status;
  /** Runs a statement from the server's maintenance database, as an operator (or a failover) would. */
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };

  beforeAll(async () => {
    await ensureBuilt();
    temp = await createTempDb();
    server = await startNext(PORT, appEnv(temp, PORT));
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    if (temp) await onServer(`ALTER DATABASE "${database()}" ALLOW_CONNECTIONS true`);
    await temp?.cleanup();
  });

  it("answers 503 from /api/health, then recovers by itself", async () => {
    expect(await health()).toBe(200);
    // Refuse new connections to the app's database, then drop the open ones (the app's pool).
    await onServer(`ALTER DATABASE "${database()}" ALLOW_CONNECTIONS false`);
    await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database()}'`);
    expect(await health()).toBe(503);
    await onServer(`ALTER DATABASE "${database()}" ALLOW_CONNECTIONS true`);
    let status = await health();
    while (status !== 200) status = await health();
    expect(status).toBe(200);
  }, 120_000);
});
