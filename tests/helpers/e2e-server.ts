// The environment `npm start` runs with in the end-to-end tests, and a way to start one more such server
// on its own data folder (for a test that needs the sample exactly as loaded, untouched by other tests).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

/** Known to the specs so they can call /api/cron/* like a cron service would. */
export const E2E_CRON_SECRET = "e2e-cron-secret-not-for-production";

/**
 * TRUSTED_PROXIES=1: each test plays a reader at an address of its own (tests/e2e/fixtures.ts sends it as
 * X-Forwarded-For, as a reverse proxy would), so per-client limits never carry over between tests.
 */
export function e2eServerEnv(port: number, dataDir: string): Record<string, string> {
  return {
    PORT: String(port),
    DATA_DIR: dataDir,
    SCHEDULER: "off",
    CRON_SECRET: E2E_CRON_SECRET,
    SAMPLE_DATA: "on",
    APP_URL: `http://localhost:${port}`,
    TRUSTED_PROXIES: "1",
  };
}

export interface E2eServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `npm start`'s own script on a new data folder and a free port, answering once /api/health does. The
 * production build is already current (the shared server built it before any test ran), so this only
 * loads the sample and serves.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-e2e-own-"));
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["src/cli/start.ts"], {
    env: { ...process.env, ...e2eServerEnv(port, dataDir) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stopping it also stops `next start` under it
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
