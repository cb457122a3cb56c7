// Failures between us and the reader: a transport dying mid-run, SMTP down, 451 and 550 replies, a crash
// mid-send. Real temporary SQLite, real in-process SMTP servers, a fixed clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import type { Mailer } from "../../src/server/platform/mail-types";
import { addPapers, addReaders, APP_URL, digestTestSettings, HOUR, NOW } from "../helpers/digest-fixtures";
import { freePort } from "../helpers/free-port";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

const MINUTE = 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const settings = digestTestSettings({ concurrency: 1 });
let temp: TempDb;
let smtp: SmtpCatcher;
const mailers: Mailer[] = [];

function mailerTo(smtpUrl: string): Mailer {
  const mailer = createMailer({
    smtpUrl,
    outboxDir: temp.dir,
    from: "digest@papers.example.org",
    appUrl: APP_URL,
    ratePerSecond: 1000,
    pool: false,
    log: () => {},
    clock: () => NOW,
  });
  mailers.push(mailer);
  return mailer;
}

/** A port nothing listens on: connections are refused, as with an SMTP server that is down. */
const deadPort = freePort;

beforeEach(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
  await addPapers(temp.db, 5);
});
afterEach(async () => {
  await Promise.all(mailers.splice(0).map((m) => m.close()));
  await smtp.close();
  await temp.cleanup();
});

const recipients = (catcher = smtp) => catcher.messages.flatMap((m) => m.to).sort();

describe("digest failures", () => {
  it("a transport that fails after k sends halts the run; the next run delivers the rest, with no duplicates", async () => {
    const emails = await addReaders(temp.db, 6);
    const real = mailerTo(smtp.url);
    let sends = 0;
    const dying: Mailer = {
      send: (mail) => (++sends <= 2 ? real.send(mail) : Promise.reject(new Error("Connection reset by peer"))),
      close: async () => {},
    };
    const first = await runDigest({ store: temp.store, mailer: dying, now: NOW, settings });
    expect(first).toMatchObject({
      status: "halted",
      fault: "Connection reset by peer",
      sent: 2,
      failed: 0,
      pending: 4,
    });
    // A fault of the mail system is nobody's attempt and needs no backoff: the next call tries again.
    const waiting = await temp.db.delivery.findMany({ where: { status: "pending" } });
    expect(waiting.map((d) => [d.attempts, d.nextAttemptAt])).toEqual(waiting.map(() => [0, null]));
    expect(waiting.filter((d) => d.lastError === "Connection reset by peer")).toHaveLength(1);

    const second = await runDigest({ store: temp.store, mailer: real, now: later(MINUTE), settings });
    expect(second).toMatchObject({ status: "finished", sent: 4, pending: 0, unknown: 0 });
    expect(recipients()).toEqual([...emails].sort());
  });

  it("SMTP down: the run halts with the reason, nobody is suppressed, all delivered once it is back", async () => {
    const emails = await addReaders(temp.db, 3);
    const deadUrl = `smtp://127.0.0.1:${await deadPort()}`;
    for (const at of [NOW, later(10 * MINUTE)]) {
      const down = await runDigest({ store: temp.store, mailer: mailerTo(deadUrl), now: at, settings });
      expect(down).toMatchObject({ date: "2026-11-26", status: "halted", sent: 0, failed: 0, pending: 3, unknown: 0 });
      expect(down.fault).toMatch(/ECONNREFUSED|connect/i);
    }
    const rows = await temp.db.delivery.findMany({ include: { subscriber: true } });
    expect(rows.every((d) => d.status === "pending" && d.attempts === 0 && d.subscriber.suppressedAt === null)).toBe(
      true,
    );

    const back = await runDigest({ store: temp.store, mailer: mailerTo(smtp.url), now: later(20 * MINUTE), settings });
    expect(back).toMatchObject({ status: "finished", sent: 3, pending: 0 });
    expect(recipients()).toEqual([...emails].sort());
    expect((await temp.db.delivery.findMany()).every((d) => d.status === "sent" && d.attempts === 1)).toBe(true);
  });

  it("a 451 is retried on the next run; after DIGEST_MAX_ATTEMPTS it is failed but not suppressed", async () => {
    await addReaders(temp.db, 2);
    smtp.rejectRecipient("reader2@example.com", 451);
    const mailer = mailerTo(smtp.url);
    expect(await runDigest({ store: temp.store, mailer, now: NOW, settings })).toMatchObject({
      sent: 1,
      failed: 0,
      pending: 1,
    });
    expect(await runDigest({ store: temp.store, mailer, now: later(10 * MINUTE), settings })).toMatchObject({
      sent: 0,
      failed: 0,
      pending: 1,
    });
    expect(await runDigest({ store: temp.store, mailer, now: later(HOUR), settings })).toMatchObject({
      sent: 0,
      failed: 1,
      pending: 0,
    });
    const busy = await temp.db.delivery.findFirstOrThrow({
      where: { subscriber: { email: "reader2@example.com" } },
      include: { subscriber: true },
    });
    expect(busy).toMatchObject({ status: "failed", attempts: 3 });
    expect(busy.lastError).toContain("451");
    expect(busy.subscriber.suppressedAt).toBeNull();
  });

  it("a 451 that clears is delivered on the retry", async () => {
    await addReaders(temp.db, 1);
    smtp.rejectRecipient("reader1@example.com", 451);
    await runDigest({ store: temp.store, mailer: mailerTo(smtp.url), now: NOW, settings });
    const healthy = await startSmtpCatcher();
    try {
      const retry = await runDigest({
        store: temp.store,
        mailer: mailerTo(healthy.url),
        now: later(3 * MINUTE),
        settings,
      });
      expect(retry).toMatchObject({ sent: 1, pending: 0 });
      expect(recipients(healthy)).toEqual(["reader1@example.com"]);
    } finally {
      await healthy.close();
    }
  });

  it("a 550 is not retried and suppresses the address", async () => {
    await addReaders(temp.db, 2);
    smtp.rejectRecipient("reader1@example.com", 550);
    const mailer = mailerTo(smtp.url);
    expect(await runDigest({ store: temp.store, mailer, now: NOW, settings })).toMatchObject({
      sent: 1,
      failed: 1,
      pending: 0,
    });
    const gone = await temp.db.subscriber.findUniqueOrThrow({ where: { email: "reader1@example.com" } });
    expect(gone.suppressedAt?.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(gone.suppressReason).toMatch(/^Hard bounce: .*550/);
    expect(await runDigest({ store: temp.store, mailer, now: later(HOUR), settings })).toMatchObject({
      sent: 0,
      failed: 0,
    });
    // Tomorrow's edition does not even queue the suppressed address.
    await addPapers(temp.db, 2, later(20 * HOUR));
    expect(await runDigest({ store: temp.store, mailer, now: later(24 * HOUR), settings })).toMatchObject({
      date: "2026-11-27",
      sent: 1,
    });
    expect(await temp.db.delivery.count({ where: { subscriberId: gone.id } })).toBe(1);
    expect(recipients()).toEqual(["reader2@example.com", "reader2@example.com"]);
  });

  it("a run that dies mid-send: its claims not begun are sent by a later run, the in-flight one reported unknown, not resent", async () => {
    const emails = await addReaders(temp.db, 5);
    const real = mailerTo(smtp.url);
    let sends = 0;
    // After two sends the process "dies": the third send never returns, as if the process was killed.
    const dying: Mailer = {
      send: (mail) => (++sends <= 2 ? real.send(mail) : new Promise(() => {})),
      close: async () => {},
    };
    void runDigest({ store: temp.store, mailer: dying, now: NOW, settings });
    await smtp.waitFor(2);
    const statuses = async () => temp.store.digest.countByStatus((await temp.store.digest.findRun("2026-11-26"))!.id);
    // The dead run had claimed the whole page: two sent, one begun, two never begun.
    await expect.poll(statuses).toEqual({ sent: 2, sending: 1, claimed: 2 });

    // Within the claim lease the dead run's claims are still its own: nothing is sent twice, nothing lost.
    const tooEarly = await runDigest({ store: temp.store, mailer: real, now: later(MINUTE), settings });
    expect(tooEarly).toMatchObject({ sent: 0, pending: 2, unknown: 0 });
    const early = await runDigest({ store: temp.store, mailer: real, now: later(5 * MINUTE), settings });
    expect(early).toMatchObject({ sent: 2, unknown: 0 });
    const resumed = await runDigest({ store: temp.store, mailer: real, now: later(20 * MINUTE), settings });
    expect(resumed).toMatchObject({ sent: 0, pending: 0, unknown: 1 });
    const stuck = await temp.db.delivery.findFirstOrThrow({
      where: { status: "unknown" },
      include: { subscriber: true },
    });
    expect(stuck.lastError).toMatch(/may or may not/);
    expect(recipients()).toEqual(emails.filter((e) => e !== stuck.subscriber.email).sort());
    expect(new Set(recipients()).size).toBe(4);
  });
});
