// The digest's direct SQLite connection beside the Prisma client: a Prisma transaction holding the write lock
// in the same process. Real temporary SQLite, real SMTP. (Claims themselves: digest-claims.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import { withoutBusyWait } from "../../src/server/store/sqlite/busy-wait";
import { sqliteOf } from "../../src/server/store/sqlite/direct-connection";
import type { Mailer } from "../../src/server/platform/mail-types";
import { addPapers, addReaders, APP_URL, digestTestSettings, NOW } from "../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let temp: TempDb;
let smtp: SmtpCatcher;
let mailer: Mailer;

beforeEach(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
  mailer = createMailer({
    smtpUrl: smtp.url,
    outboxDir: temp.dir,
    from: "digest@papers.example.org",
    appUrl: APP_URL,
    ratePerSecond: 1000,
    log: () => {},
    clock: () => NOW,
  });
});
afterEach(async () => {
  await mailer.close();
  await smtp.close();
  await temp.cleanup();
});

describe("the digest beside a Prisma transaction on the direct connection", () => {
  it("a Prisma transaction holding the write lock in this process neither fails the run nor loses a record", async () => {
    await addPapers(temp.db, 3);
    const emails = await addReaders(temp.db, 6);
    let holding: Promise<unknown> | undefined;
    // Right after the first send, a Prisma interactive transaction (like a vote) writes and then awaits for
    // a while, holding SQLite's write lock across the event loop just when this run records that send.
    const locking: Mailer = {
      async send(mail) {
        const sent = await mailer.send(mail);
        if (!holding) {
          let locked!: () => void;
          const lockTaken = new Promise<void>((resolve) => (locked = resolve));
          holding = temp.db.$transaction(async (tx) => {
            await tx.paper.updateMany({ data: { votes: { increment: 1 } } });
            locked();
            await sleep(200);
          });
          await lockTaken;
        }
        return sent;
      },
      close: async () => {},
    };
    const result = await runDigest({ store: temp.store, mailer: locking, now: NOW, settings: digestTestSettings() });
    await holding;
    expect(result).toMatchObject({ sent: 6, failed: 0, pending: 0, unknown: 0 });
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...emails].sort());
    expect(await temp.db.delivery.count({ where: { status: "sent" } })).toBe(6);
    expect(await temp.db.sentPaper.count()).toBe(18);
    // The transaction committed: it was not timed out by a frozen event loop.
    expect((await temp.db.paper.findMany()).every((paper) => paper.votes === 1)).toBe(true);
  });

  it("waits for a lock held in this process on a timer, never inside SQLite, so the holder can finish", async () => {
    await addPapers(temp.db, 1);
    const sqlite = sqliteOf(temp.db);
    const callersTimeout = sqlite.pragma("busy_timeout", { simple: true });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holding = temp.db.$transaction(async (tx) => {
      await tx.paper.updateMany({ data: { votes: { increment: 1 } } });
      locked();
      await released;
    });
    await lockTaken;
    // The holder lets go on the event loop's next turn after the first attempt: a wait inside SQLite would
    // keep that turn from coming until SQLite gave up.
    const timeoutsDuringWork: unknown[] = [];
    await withoutBusyWait(sqlite, () => {
      timeoutsDuringWork.push(sqlite.pragma("busy_timeout", { simple: true }));
      if (timeoutsDuringWork.length === 1) setImmediate(release);
      sqlite.prepare(`UPDATE "Paper" SET "votes" = "votes" + 10`).run();
    });
    await holding;
    expect(timeoutsDuringWork.length).toBeGreaterThanOrEqual(2); // refused at once, then tried again
    expect(timeoutsDuringWork.every((ms) => ms === 0)).toBe(true);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(callersTimeout);
    expect((await temp.db.paper.findFirstOrThrow()).votes).toBe(11);
  });
});
