// Graceful shutdown through real processes: a deploy's SIGTERM (to the main process, as a container runtime
// sends it, or to the whole process group, as systemd does) arrives in the middle of a digest run whose SMTP
// server is slow. The process claims nothing new, lets the sends in flight finish, closes the SMTP pool and the
// database and exits 0: every mail the server received is recorded as sent, nothing is left "sending", the rest
// stay pending for the next run. And a server killed outright makes `npm start` exit non-zero.
import { spawn, spawnSync } from "node:child_process";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT, startApp, type AppProcess } from "../helpers/app-process";
import { appEnv, bearer } from "../helpers/app-env";
import { BUILD_TIMEOUT_MS } from "../helpers/app-server";
import { addPapers, addReaders } from "../helpers/digest-fixtures";
import { freePort } from "../helpers/free-port";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const READERS = 12;
const WAIT = 120_000;
let temp: TempDb;
let smtp: SmtpCatcher;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
beforeEach(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
  await addPapers(temp.db, 4, new Date(Date.now() - 2 * 3_600_000));
  await addReaders(temp.db, READERS);
});
afterEach(async () => {
  await smtp.close();
  await temp.cleanup();
});

async function envFor(extra: Record<string, string> = {}) {
  return appEnv(temp, await freePort(), { SMTP_URL: smtp.url, DIGEST_TZ: "UTC", MAIL_RATE_PER_SEC: "1000", ...extra });
}

const countOf = async (status: string) => temp.db.delivery.count({ where: { status } });

/** The run stopped cleanly: what the server received is exactly what is recorded sent; the rest wait. */
async function expectCleanStop() {
  expect(await countOf("sending")).toBe(0);
  expect(await countOf("unknown")).toBe(0);
  const sent = await temp.db.delivery.findMany({ where: { status: "sent" }, select: { messageId: true } });
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.map((d) => d.messageId).sort()).toEqual(smtp.messages.map((m) => m.parsed.messageId).sort());
  expect(await countOf("pending")).toBe(READERS - sent.length);
  expect(READERS - sent.length).toBeGreaterThan(0);
}

/** The one child process of `pid`. */
function childOf(pid: number): number {
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .stdout.trim()
    .split("\n");
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

/** Resolves once `pattern` has been printed `times` times. */
async function printed(output: () => string, pattern: RegExp, times = 1): Promise<void> {
  const global = new RegExp(pattern.source, "g");
  while ((output().match(global) ?? []).length < times) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("npm run digest, stopped mid-run", () => {
  for (const target of ["process", "group"] as const)
    it(`SIGTERM to the ${target}: in-flight sends finish, exit 0, the rest pending`, async () => {
      const held = smtp.hold();
      const child = spawn("npm", ["run", "--silent", "digest", "--", "--date", today()], {
        cwd: ROOT,
        env: { ...process.env, ...(await envFor()) },
        detached: true,
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      try {
        await smtp.waitFor(1, WAIT);
        process.kill(target === "group" ? -child.pid! : child.pid!, "SIGTERM");
        await printed(() => output, /SIGTERM: stopping/);
      } finally {
        held.release();
      }
      expect(await exited, output).toBe(0);
      expect(output).toMatch(/"status":"stopped"/);
      expect(output).toContain("stay pending for the next run");
      await expectCleanStop();
    }, 180_000);
});

describe("npm start, stopped during a cron digest run", () => {
  let app: AppProcess | undefined;
  afterEach(async () => {
    await app?.stop("SIGKILL");
    app = undefined;
  });

  for (const target of ["process", "group"] as const)
    it(`SIGTERM to the ${target}: the run stops claiming, in-flight sends finish, exit 0`, async () => {
      const env = await envFor();
      app = await startApp(Number(env.PORT), env, "npm");
      const exited = new Promise<number | null>((resolve) => app!.child.once("exit", (code) => resolve(code)));
      const held = smtp.hold();
      const cron = fetch(`${app.url}/api/cron/digest`, { headers: bearer });
      try {
        await smtp.waitFor(1, WAIT);
        process.kill(target === "group" ? -app.child.pid! : app.child.pid!, "SIGTERM");
        // Both processes start stopping (the server by the forwarded signal or its own copy), each once.
        await printed(app.output, /SIGTERM: stopping/, 2);
      } finally {
        held.release();
      }
      const response = await cron;
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "stopped" });
      expect(await exited, app.output()).toBe(0);
      expect(app.output().match(/SIGTERM: stopping/g)).toHaveLength(2);
      await expectCleanStop();
    }, 240_000);

  it("a server killed by SIGKILL makes npm start exit non-zero", async () => {
    const env = await envFor();
    app = await startApp(Number(env.PORT), env, "npm");
    const exited = new Promise<number | null>((resolve) => app!.child.once("exit", (code) => resolve(code)));
    // npm → the start script (exec'd by the script shell) → the server.
    const script = childOf(app.child.pid!);
    process.kill(childOf(script), "SIGKILL");
    const code = await exited;
    expect(code).not.toBeNull();
    expect(code).not.toBe(0);
    expect(app.output()).toContain("the server was killed by SIGKILL");
  }, 240_000);
});
