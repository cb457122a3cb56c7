// The fault suite: a real SMTP server answering 421, 451 and 550 at MAIL FROM, RCPT TO and after the body
// (DATA), and stalling after the body. Only a refusal that names the reader's mailbox suppresses that reader;
// anything about the sending side halts the run with the reason, every delivery stays pending, and the next
// run after the fault is fixed sends exactly those. A send left unanswered is "unknown", never resent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appEnv } from "../helpers/app-env";
import { runNpm } from "../helpers/app-process";
import { freePort } from "../helpers/free-port";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import type { Mailer } from "../../src/server/platform/mail-types";
import { addPapers, addReaders, APP_URL, digestTestSettings, NOW } from "../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher, type SmtpStage } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";

const MINUTE = 60_000;
const READERS = 4;
const later = (ms: number) => new Date(NOW.getTime() + ms);
// One send at a time, so "the run stopped at the first fault" is exact.
const settings = digestTestSettings({ concurrency: 1 });
let temp: TempDb;
let smtp: SmtpCatcher;
let emails: string[];
const mailers: Mailer[] = [];

/** The production mailer (pooled) with a short reply timeout, so a stalled server is noticed quickly. */
function mailer(): Mailer {
  const created = createMailer({
    smtpUrl: smtp.url,
    outboxDir: temp.dir,
    from: "digest@papers.example.org",
    appUrl: APP_URL,
    ratePerSecond: 1000,
    timeoutMs: 1_500,
    log: () => {},
    clock: () => NOW,
  });
  mailers.push(created);
  return created;
}

const run = (now: Date) => runDigest({ store: temp.store, mailer: mailer(), now, settings });
const received = () => smtp.messages.flatMap((m) => m.to).sort();
const deliveries = () =>
  temp.db.delivery.findMany({ include: { subscriber: true }, orderBy: { id: "asc" } }).then((rows) =>
    rows.map((d) => ({
      email: d.subscriber.email,
      status: d.status,
      attempts: d.attempts,
      suppressed: d.subscriber.suppressedAt !== null,
    })),
  );

beforeEach(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
  await addPapers(temp.db, 3);
  emails = await addReaders(temp.db, READERS);
});
afterEach(async () => {
  await Promise.all(mailers.splice(0).map((m) => m.close()));
  await smtp.close();
  await temp.cleanup();
});

/** After a run fault: nobody suppressed, every delivery pending and not counted as an attempt, nothing sent. */
async function expectHaltedUntouched(result: Awaited<ReturnType<typeof run>>, stage: string, code: string) {
  expect(result).toMatchObject({ status: "halted", sent: 0, failed: 0, pending: READERS, unknown: 0 });
  // A 421 closes the session: nodemailer may report it as the connection's rather than the command's.
  if (code !== "421") expect(result.fault).toContain(stage);
  expect(result.fault).toContain(code);
  expect(await deliveries()).toEqual(
    emails.map((email) => ({ email, status: "pending", attempts: 0, suppressed: false })),
  );
}

/** Once fixed, the next run sends exactly the pending deliveries, one mail per reader. */
async function expectNextRunSendsThem(now = later(10 * MINUTE)) {
  smtp.heal();
  const before = smtp.messages.length;
  expect(await run(now)).toMatchObject({ status: "finished", sent: READERS, pending: 0, unknown: 0 });
  expect(smtp.messages.length - before).toBe(READERS);
  expect(received()).toEqual([...emails].sort());
  expect((await deliveries()).every((d) => d.status === "sent" && d.attempts === 1 && !d.suppressed)).toBe(true);
}

describe("SMTP faults of the sending side halt the run", () => {
  const cases: [SmtpStage, string][] = [
    ["MAIL FROM", "421 4.7.0 Try again later, closing connection"],
    ["MAIL FROM", "451 4.3.0 Local error in processing"],
    ["MAIL FROM", "550 5.7.1 Sender address rejected: not owned by user"],
    ["RCPT TO", "421 4.4.2 Service not available, closing transmission channel"],
    ["RCPT TO", "550 5.7.1 Relaying denied"],
    ["RCPT TO", "554 Relay access denied"],
    ["RCPT TO", "550 5.4.5 Daily sending quota exceeded"],
    ["DATA", "421 4.4.2 Closing connection"],
    ["DATA", "451 4.3.0 Message deferred, try later"],
    ["DATA", "550 5.7.1 Message rejected by content policy"],
  ];
  for (const [stage, reply] of cases)
    it(`${reply.slice(0, 3)} at ${stage} ("${reply.slice(4)}"): nobody suppressed, all pending, then sent once`, async () => {
      smtp.fail(stage, reply);
      await expectHaltedUntouched(await run(NOW), stage, reply.slice(0, 3));
      expect(smtp.messages).toHaveLength(0);
      await expectNextRunSendsThem();
    });

  it("a server that is down halts every call until it is back, counting no attempt", async () => {
    await smtp.close();
    const down = await run(NOW);
    expect(down.fault).toMatch(/ECONNREFUSED|connect/i);
    smtp = await startSmtpCatcher();
    // The restarted server listens on another port: the mailer is built on the new URL below.
    expect(down).toMatchObject({ status: "halted", pending: READERS });
    await expectNextRunSendsThem();
  });
});

describe("SMTP faults of one reader's mailbox", () => {
  it("a 550 5.1.1 to RCPT TO suppresses that address only; the run goes on", async () => {
    smtp.rejectRecipient("reader2@example.com", 550);
    expect(await run(NOW)).toMatchObject({ status: "finished", sent: READERS - 1, failed: 1, pending: 0 });
    const rows = await deliveries();
    expect(rows.filter((d) => d.suppressed).map((d) => d.email)).toEqual(["reader2@example.com"]);
    expect(received()).toEqual(emails.filter((e) => e !== "reader2@example.com").sort());
  });

  it("a 451 to RCPT TO retries that reader later; the run goes on and nobody is suppressed", async () => {
    smtp.rejectRecipient("reader3@example.com", 451);
    expect(await run(NOW)).toMatchObject({ status: "finished", sent: READERS - 1, failed: 0, pending: 1 });
    expect((await deliveries()).find((d) => d.email === "reader3@example.com")).toMatchObject({
      status: "pending",
      attempts: 1,
      suppressed: false,
    });
  });
});

describe("a send left unanswered", () => {
  it("stalls after the body: that delivery is unknown and never resent, the run halts, the rest go next run", async () => {
    const held = smtp.hold();
    try {
      const stalled = await run(NOW);
      expect(stalled).toMatchObject({ status: "halted", sent: 0, pending: READERS - 1, unknown: 1 });
      expect(stalled.fault).toMatch(/timeout/i);
      const unknown = (await deliveries()).find((d) => d.status === "unknown")!;
      expect(unknown).toMatchObject({ email: "reader1@example.com", suppressed: false });
      // The server had the whole message: the reader may well have it.
      expect(received()).toEqual(["reader1@example.com"]);
    } finally {
      held.release();
    }
    smtp.heal();
    const next = await run(later(10 * MINUTE));
    expect(next).toMatchObject({ status: "finished", sent: READERS - 1, pending: 0, unknown: 1 });
    // Exactly one mail per reader: the unknown one was not sent again.
    expect(received()).toEqual([...emails].sort());
  });
});

describe("npm run digest on a run fault", () => {
  it("prints the fault and exits 2; the next run, once fixed, sends every reader one digest", async () => {
    // The CLI runs today's edition on real time; the papers are new as of now.
    await addPapers(temp.db, 2, new Date(Date.now() - 3_600_000));
    const env = appEnv(temp, await freePort(), { SMTP_URL: smtp.url, DIGEST_TZ: "UTC", MAIL_RATE_PER_SEC: "1000" });
    smtp.fail("MAIL FROM", "550 5.7.1 Sender address rejected: not owned by user");
    const halted = await runNpm("digest", [], env);
    expect(halted.code, halted.output).toBe(2);
    expect(halted.output).toContain('"status":"halted"');
    expect(halted.output).toContain("Run halted by a fault of the mail system, not of any reader");
    expect(halted.output).toContain("550 5.7.1 Sender address rejected");
    expect(await temp.db.subscriber.count({ where: { suppressedAt: { not: null } } })).toBe(0);
    smtp.heal();
    const fixed = await runNpm("digest", [], env);
    expect(fixed.code, fixed.output).toBe(0);
    expect(fixed.output).toContain('"status":"finished"');
    expect(received()).toEqual([...emails].sort());
  }, 180_000);
});
