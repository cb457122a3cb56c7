// The production server on a given data directory, as an operator starts it (`npm start`: migrate,
// build when the source changed, serve), in its own process group so that stopping it stops the tree.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../tests/helpers/free-port";

export interface RunningServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, "SIGTERM");
  const forced = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
  return exited.finally(() => clearTimeout(forced));
}

/** Starts `npm start` with `env` and waits (up to `timeoutMs`: a first start builds) until it answers. */
export async function startAppServer(env: Record<string, string>, timeoutMs = 20 * 60_000): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn("npm", ["start"], {
    env: { ...process.env, ...env, PORT: String(port), APP_URL: baseUrl },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopGroup(child);
      throw new Error(`the server did not answer on ${baseUrl} within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseUrl, pid: child.pid!, stop: () => stopGroup(child) };
}
