// Two servers (`npm start`'s script, scheduler on) on one database: the scheduled digest runs in the one
// holding the scheduler lease and is sent once; when that process is killed, the other takes the lease over
// once it has expired, and the jobs run there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, startApp, type AppProcess } from "../helpers/app-process";
import { appEnv } from "../helpers/app-env";
import { addPapers, addReaders } from "../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { freePort } from "../helpers/free-port";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const LEASE_MS = 3_000;
let temp: TempDb;
let smtp: SmtpCatcher;
const apps: AppProcess[] = [];

beforeAll(async () => {
  await ensureBuilt();
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
}, 600_000);
afterAll(async () => {
  for (const app of apps) await app.stop("SIGKILL");
  await smtp?.close();
  await temp?.cleanup();
});

const TAKEN = /scheduler: lease taken by (\S+);/;
const lease = () => temp.db.jobLease.findUniqueOrThrow({ where: { name: "scheduler" } });

describe("the scheduler lease", () => {
  it("runs the due digest in one process only, and moves to the other when its holder is killed", async () => {
    await addPapers(temp.db, 5, new Date(Date.now() - 2 * 3_600_000));
    const readers = await addReaders(temp.db, 3);
    // The digest is due every second, so both schedulers tick many times while the test runs.
    const env = {
      SMTP_URL: smtp.url,
      SCHEDULER: "on",
      SCHEDULER_LEASE_MS: String(LEASE_MS),
      DIGEST_CRON: "* * * * * *",
      DIGEST_TZ: "UTC",
    };
    const [portA, portB] = [await freePort(), await freePort()];
    apps.push(await startApp(portA, appEnv(temp, portA, env)), await startApp(portB, appEnv(temp, portB, env)));

    const first = apps.map((app, i) => app.waitForOutput(TAKEN).then(() => (i === 0 ? apps : [apps[1]!, apps[0]!])));
    first.forEach((wait) => wait.catch(() => undefined));
    const [holder, other] = await Promise.race(first);
    const holderId = holder!.output().match(TAKEN)![1];
    await other!.waitForOutput(/scheduler: lease held by another process/);
    // Two digest runs in the holder: the first sends, the second finds everyone served.
    await holder!.waitForOutput(/scheduler: digest finished[\s\S]*scheduler: digest finished/);
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...readers].sort());
    expect(other!.output()).not.toContain("scheduler: digest started");
    expect((await lease()).holder).toBe(holderId);

    // The holder dies without giving the lease up; the other process takes it once it has expired.
    const killedAt = other!.output().length;
    process.kill(holder!.child.pid!, "SIGKILL");
    const held = await lease();
    expect(held.holder).toBe(holderId);
    const takenBy = (await other!.waitForOutput(TAKEN, killedAt))[1];
    const taken = await lease();
    expect(taken.holder).toBe(takenBy);
    expect(taken.holder).not.toBe(holderId);
    // Taken over only after the dead holder's lease ran out: the new lease began no earlier than the old one ended.
    expect(taken.expiresAt.getTime() - LEASE_MS).toBeGreaterThanOrEqual(held.expiresAt.getTime());
    await other!.waitForOutput(/scheduler: digest finished/, killedAt);
    expect(smtp.messages).toHaveLength(readers.length);
  }, 300_000);
});
