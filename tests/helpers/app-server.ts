// Runs the app as it is deployed: `npm start`'s own script (src/cli/start.ts) on a temporary data folder, as a
// child process group the test can signal. The production build is made once and shared: test files running
// side by side wait on a lock folder rather than building at the same time.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt } from "./app-process";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process group wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** 10 minutes: a cold production build on a busy 2-core machine. */
export const BUILD_TIMEOUT_MS = 600_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function tempDataDir(prefix = "paper-digest-srv-"): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), "data");
}

/** Starts `npm start`'s script on `port` with a fresh (or the given) data folder and waits for /api/health. */
export async function startAppServer({
  port,
  dataDir = tempDataDir(),
  env = {},
}: {
  port: number;
  dataDir?: string;
  env?: Record<string, string>;
}): Promise<AppServer> {
  await ensureBuilt();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: undefined,
    PORT: String(port),
    DATA_DIR: dataDir,
    APP_URL: `http://localhost:${port}`,
    SCHEDULER: "off",
    SAMPLE_DATA: "on",
    SECRET_KEY: undefined,
    CRON_SECRET: undefined,
    SMTP_URL: undefined,
    DATABASE_URL: undefined,
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/cli/start.ts"], {
    cwd: ROOT,
    env: childEnv as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  const stop = async () => {
    if (!alive) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(killer);
  };
  for (let waited = 0; ; waited += 250) {
    if (!alive) throw new Error(`the server exited before it was ready:\n${output}`);
    if (waited > 120_000) {
      await stop();
      throw new Error(`the server did not answer /api/health within 120 s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  return { url, port, dataDir, output: () => output, stop };
}
