// The digest's direct SQLite connection beside the Prisma client: claims that must not be taken, and a
// Prisma transaction holding the write lock in the same process. Real temporary SQLite, real SMTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimDelivery } from "../../src/server/digest/delivery-claims";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/mailer";
import type { Mailer } from "../../src/server/mail-types";
import { addPapers, addReaders, addSubscriber, APP_URL, digestTestSettings, NOW } from "../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

const MINUTE = 60_000;
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

async function pendingDelivery(subscriberId: number, nextAttemptAt: Date | null = null): Promise<number> {
  const run = await temp.db.digestRun.upsert({
    where: { date: "2026-11-26" },
    create: { date: "2026-11-26", startedAt: NOW },
    update: {},
  });
  const delivery = await temp.db.delivery.create({
    data: { runId: run.id, subscriberId, status: "pending", nextAttemptAt },
  });
  return delivery.id;
}

describe("digest claims on the direct connection", () => {
  it("a delivery backed off by another runner is not claimed before its retry time, nor dropped", async () => {
    const reader = await addSubscriber(temp.db, { email: "later@example.com" });
    const id = await pendingDelivery(reader.id, new Date(NOW.getTime() + 2 * MINUTE));
    expect(await claimDelivery(temp.db, id, NOW)).toBe("taken");
    expect(await temp.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "pending",
      attempts: 0,
    });
    expect(await claimDelivery(temp.db, id, new Date(NOW.getTime() + 3 * MINUTE))).toBe("claimed");
    expect(await claimDelivery(temp.db, id, new Date(NOW.getTime() + 3 * MINUTE))).toBe("taken");
    const claimed = await temp.db.delivery.findUniqueOrThrow({ where: { id } });
    expect(claimed).toMatchObject({ status: "sending", attempts: 1 });
    // Written in the adapter's own format, so Prisma reads the same instant back.
    expect(claimed.claimedAt?.getTime()).toBe(NOW.getTime() + 3 * MINUTE);
  });

  it("a reader who left is skipped by the claim, once", async () => {
    const reader = await addSubscriber(temp.db, { email: "gone@example.com", status: "paused" });
    const id = await pendingDelivery(reader.id);
    expect(await claimDelivery(temp.db, id, NOW)).toBe("inactive");
    expect(await claimDelivery(temp.db, id, NOW)).toBe("taken");
    expect(await temp.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "skipped",
      lastError: "Subscriber no longer active.",
    });
  });

  it("a Prisma transaction holding the write lock in this process neither freezes the run nor loses a record", async () => {
    await addPapers(temp.db, 3);
    const emails = await addReaders(temp.db, 6);
    let holding: Promise<unknown> | undefined;
    // Right after the first send, a Prisma interactive transaction (like a vote) writes and then awaits for
    // a second, holding SQLite's write lock across the event loop just when this run records that send.
    const locking: Mailer = {
      async send(mail) {
        const sent = await mailer.send(mail);
        if (!holding) {
          let locked!: () => void;
          const lockTaken = new Promise<void>((resolve) => (locked = resolve));
          holding = temp.db.$transaction(async (tx) => {
            await tx.paper.updateMany({ data: { votes: { increment: 1 } } });
            locked();
            await sleep(1000);
          });
          await lockTaken;
        }
        return sent;
      },
      close: async () => {},
    };
    // The longest the event loop went without running a timer: a blocking busy wait shows up as seconds.
    let last = performance.now();
    let longestStallMs = 0;
    const ticker = setInterval(() => {
      longestStallMs = Math.max(longestStallMs, performance.now() - last);
      last = performance.now();
    }, 10);
    const result = await runDigest({ db: temp.db, mailer: locking, now: NOW, settings: digestTestSettings() }).finally(
      () => clearInterval(ticker),
    );
    await holding;
    expect(result).toMatchObject({ sent: 6, failed: 0, pending: 0, unknown: 0 });
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...emails].sort());
    expect(await temp.db.delivery.count({ where: { status: "sent" } })).toBe(6);
    expect(await temp.db.sentPaper.count()).toBe(18);
    // The transaction committed (it was not timed out by a frozen event loop) ...
    expect((await temp.db.paper.findMany()).every((paper) => paper.votes === 1)).toBe(true);
    // ... and the run waited for it asynchronously, not in a blocking 5-second busy wait.
    expect(longestStallMs).toBeLessThan(2500);
  });
});
