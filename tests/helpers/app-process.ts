// The deployed app as real processes: the production build served by `next start` (or `npm start`'s own
// script), and the CLIs, each on a database of the test's choosing. Waits are on events (a line printed,
// an answer from /api/health), bounded only by the test's timeout, never on elapsed time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent, writeBuildStamp } from "../../src/server/platform/build-stamp";

export const ROOT = path.join(import.meta.dirname, "../..");

/**
 * Builds the app once (later runs, and the e2e suite, reuse it while the source is unchanged). Test files
 * run in parallel workers: one builds under a lock directory while the others wait for it to go away.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = path.join(
    os.tmpdir(),
    `paper-digest-build-${crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.lock`,
  );
  while (!buildIsCurrent(ROOT)) {
    try {
      fs.mkdirSync(lock);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      continue;
    }
    try {
      if (buildIsCurrent(ROOT)) break;
      // `npm run build`: the client script, then Next's production build, as `npm start` makes them.
      const build = spawnSync("npm", ["run", "build"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
      writeBuildStamp(ROOT);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface AppProcess {
  child: ChildProcess;
  url: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once the output contains a line matching `pattern` (after `from` characters). */
  waitForOutput(pattern: RegExp, from?: number): Promise<RegExpMatchArray>;
  /** Stops the process and everything it started (its process group). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function track(child: ChildProcess, url: string): AppProcess {
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    url,
    output: () => output,
    waitForOutput(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.slice(from).match(pattern);
          if (match) {
            listeners.delete(check);
            resolve(match);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`process exited before printing ${pattern}:\n${output}`));
          }
        };
        listeners.add(check);
        child.once("exit", check);
        check();
      });
    },
    async stop(signal = "SIGTERM") {
      // The whole group: the process may be gone (killed by the test) while what it started still runs.
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Nothing left.
      }
      await exited;
    },
  };
}

/**
 * The production server alone (src/cli/serve.ts: Next's handler behind our own HTTP server, as `npm start`
 * runs it) on `port` with `env`; the store migrates the database on first use.
 */
export async function startNext(port: number, env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
  });
  const app = track(child, `http://localhost:${port}`);
  await app.waitForOutput(/Listening on port/);
  return app;
}

/**
 * `npm start`'s script (settings check, migration, the server, and the scheduler beside it). By default the
 * script itself (its pid is the script's own); `via: "npm"` runs `npm start` (npm, which execs the script).
 */
export async function startApp(
  port: number,
  env: Record<string, string>,
  via: "script" | "npm" = "script",
): Promise<AppProcess> {
  const [command, args] =
    via === "npm" ? ["npm", ["start"]] : [process.execPath, ["--import", "tsx", "src/cli/start.ts"]];
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
  });
  const app = track(child, `http://localhost:${port}`);
  await app.waitForOutput(/Listening on port/);
  return app;
}

/** Runs `npm run <script> -- <args>` to completion, as an operator would. */
export function runNpm(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}
