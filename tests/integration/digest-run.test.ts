// The digest run end to end: real temporary SQLite, a real in-process SMTP server, a fixed clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import type { Mailer } from "../../src/server/platform/mail-types";
import {
  addPaper,
  addPapers,
  addReaders,
  addSubscriber,
  APP_URL,
  digestTestSettings,
  finishedRun,
  HOUR,
  NOW,
} from "../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const execFileAsync = promisify(execFile);
process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

let temp: TempDb;
let smtp: SmtpCatcher;
let mailer: Mailer;
const settings = digestTestSettings();

beforeEach(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
  mailer = createMailer({
    smtpUrl: smtp.url,
    outboxDir: temp.dir,
    from: "paper-digest <digest@papers.example.org>",
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

const recipients = () => smtp.messages.flatMap((m) => m.to).sort();

/** Resolves once `condition` holds, checking whenever a mail arrives. */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await smtp.waitFor(smtp.messages.length + 1, 60_000);
}

describe("runDigest", () => {
  it("sends one digest per active subscriber and answers the counts", async () => {
    await addPapers(temp.db, 12);
    await addReaders(temp.db, 2);
    const result = await runDigest({ store: temp.store, mailer, now: NOW, settings });
    expect(result).toEqual(finishedRun("2026-11-26", { sent: 2, skipped: 0 }));
    expect(recipients()).toEqual(["reader1@example.com", "reader2@example.com"]);
    const deliveries = await temp.db.delivery.findMany();
    expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent"]);
    expect(deliveries.every((d) => d.attempts === 1 && d.messageId && JSON.parse(d.paperIds).length === 10)).toBe(true);
    expect(await temp.db.sentPaper.count()).toBe(20);
    const readers = await temp.db.subscriber.findMany();
    expect(readers.every((r) => r.lastDigestAt?.getTime() === NOW.getTime())).toBe(true);
  });

  it("a second run for the same date sends nothing", async () => {
    await addPapers(temp.db, 3);
    await addReaders(temp.db, 3);
    await runDigest({ store: temp.store, mailer, now: NOW, settings });
    const again = await runDigest({ store: temp.store, mailer, now: new Date(NOW.getTime() + HOUR), settings });
    expect(again).toMatchObject({ date: "2026-11-26", sent: 0, skipped: 0, failed: 0, pending: 0 });
    expect(smtp.messages).toHaveLength(3);
  });

  it("two concurrent calls in one process send each subscriber exactly one mail", async () => {
    await addPapers(temp.db, 5);
    const emails = await addReaders(temp.db, 30);
    const [a, b] = await Promise.all([
      runDigest({ store: temp.store, mailer, now: NOW, settings }),
      runDigest({ store: temp.store, mailer, now: NOW, settings }),
    ]);
    expect(a.sent + b.sent).toBe(30);
    expect(recipients()).toEqual([...emails].sort());
    expect(await temp.db.delivery.count({ where: { status: "sent" } })).toBe(30);
  });

  it("two processes running the same edition at once send each subscriber exactly one mail", async () => {
    await addPapers(temp.db, 5);
    const emails = await addReaders(temp.db, 60);
    // The SMTP server keeps the other process's first mail unanswered until this side has sent one too, so
    // both runs are under way at the same moment, however fast or slow either starts.
    const held = smtp.hold();
    const child = execFileAsync(path.resolve("node_modules/.bin/tsx"), [
      "tests/helpers/digest-child-run.ts",
      temp.url,
      smtp.url,
      NOW.toISOString(),
    ]);
    await smtp.waitFor(1, 60_000);
    const here = createMailer({
      smtpUrl: smtp.url,
      outboxDir: temp.dir,
      from: "here@papers.example.org",
      appUrl: APP_URL,
      ratePerSecond: 1000,
      log: () => {},
      clock: () => NOW,
    });
    const hereRun = runDigest({ store: temp.store, mailer: here, now: NOW, settings });
    await waitUntil(() => smtp.messages.some((m) => m.from === "here@papers.example.org"));
    held.release();
    const result = await hereRun;
    await here.close();
    const there = JSON.parse((await child).stdout) as { sent: number };
    expect(result.sent).toBeGreaterThan(0);
    expect(there.sent).toBeGreaterThan(0);
    expect(result.sent + there.sent).toBe(60);
    expect(recipients()).toEqual([...emails].sort());
  }, 120_000);

  it("pending, paused, unsubscribed and suppressed subscribers get nothing", async () => {
    await addPapers(temp.db, 3);
    await addSubscriber(temp.db, { email: "active@example.com" });
    await addSubscriber(temp.db, { email: "pending@example.com", status: "pending" });
    await addSubscriber(temp.db, { email: "paused@example.com", status: "paused" });
    await addSubscriber(temp.db, { email: "gone@example.com", status: "unsubscribed" });
    const bounced = await addSubscriber(temp.db, { email: "bounced@example.com" });
    await temp.db.subscriber.update({
      where: { id: bounced.id },
      data: { suppressedAt: NOW, suppressReason: "Hard bounce" },
    });
    const result = await runDigest({ store: temp.store, mailer, now: NOW, settings });
    expect(result.sent).toBe(1);
    expect(recipients()).toEqual(["active@example.com"]);
    expect(await temp.db.delivery.count()).toBe(1);
  });

  it("a subscriber who unsubscribes after the run was queued is skipped, not sent", async () => {
    await addPapers(temp.db, 3);
    const reader = await addSubscriber(temp.db, { email: "leaving@example.com" });
    const run = await temp.db.digestRun.create({ data: { date: "2026-11-26", startedAt: NOW } });
    await temp.db.delivery.create({ data: { runId: run.id, subscriberId: reader.id, status: "pending" } });
    await temp.db.subscriber.update({ where: { id: reader.id }, data: { status: "unsubscribed" } });
    const result = await runDigest({ store: temp.store, mailer, now: NOW, settings });
    expect(result).toMatchObject({ sent: 0, skipped: 1 });
    expect(smtp.messages).toHaveLength(0);
  });

  it("nothing new → no email, recorded as skipped", async () => {
    await addPapers(temp.db, 3, new Date(NOW.getTime() - 72 * HOUR));
    await addReaders(temp.db, 1);
    const result = await runDigest({ store: temp.store, mailer, now: NOW, settings });
    expect(result).toEqual(finishedRun("2026-11-26", { sent: 0, skipped: 1 }));
    expect(smtp.messages).toHaveLength(0);
    const [delivery] = await temp.db.delivery.findMany();
    expect(delivery).toMatchObject({ status: "skipped", attempts: 0, lastError: "Nothing new since the last digest." });
    expect((await temp.db.subscriber.findFirstOrThrow()).lastDigestAt).toBeNull();
  });

  it("papers sent yesterday are not repeated today", async () => {
    const yesterday = new Date(NOW.getTime() - 24 * HOUR);
    const old = await addPaper(temp.db, {
      title: "Yesterday's hit",
      trendKey: 500,
      firstSeenAt: new Date(yesterday.getTime() - HOUR),
    });
    await addReaders(temp.db, 1);
    await runDigest({ store: temp.store, mailer, now: yesterday, settings });
    const fresh = await addPaper(temp.db, {
      title: "Today's news",
      trendKey: 1,
      firstSeenAt: new Date(NOW.getTime() - HOUR),
    });
    const today = await runDigest({ store: temp.store, mailer, now: NOW, settings });
    expect(today).toMatchObject({ date: "2026-11-26", sent: 1 });
    const [first, second] = smtp.messages;
    expect(first!.parsed.text).toContain("Yesterday's hit");
    expect(second!.parsed.text).toContain("Today's news");
    expect(second!.parsed.text).not.toContain("Yesterday's hit");
    const delivered = await temp.db.delivery.findMany({ orderBy: { id: "asc" }, select: { paperIds: true } });
    expect(delivered.map((d) => JSON.parse(d.paperIds))).toEqual([[old], [fresh]]);
  });

  it("--dry-run composes every digest but sends and writes nothing", async () => {
    await addPapers(temp.db, 4);
    await addReaders(temp.db, 2);
    await addSubscriber(temp.db, { email: "quiet@example.com", lastDigestAt: NOW });
    const plan = await runDigest({ store: temp.store, mailer, now: NOW, settings, dryRun: true });
    expect(plan).toMatchObject({ date: "2026-11-26", sent: 2, skipped: 1 });
    expect(plan.planned?.map((p) => [p.email, p.subject])).toEqual([
      ["reader1@example.com", "Paper digest, 26 Nov 2026: Paper 1 (+3 more)"],
      ["reader2@example.com", "Paper digest, 26 Nov 2026: Paper 1 (+3 more)"],
      ["quiet@example.com", null],
    ]);
    expect(smtp.messages).toHaveLength(0);
    expect(await temp.db.digestRun.count()).toBe(0);
    expect(await temp.db.delivery.count()).toBe(0);
  });

  it("--to sends one preview and records nothing", async () => {
    await addPapers(temp.db, 2);
    await addReaders(temp.db, 3);
    const result = await runDigest({ store: temp.store, mailer, now: NOW, settings, to: "editor@example.com" });
    expect(result).toMatchObject({ sent: 1 });
    expect(recipients()).toEqual(["editor@example.com"]);
    expect(smtp.messages[0]!.parsed.subject).toBe("[Preview] Paper digest, 26 Nov 2026: Paper 1 (+1 more)");
    expect(await temp.db.delivery.count()).toBe(0);
    expect(await temp.db.sentPaper.count()).toBe(0);
  });
});
