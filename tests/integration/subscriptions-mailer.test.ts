import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MailSendError } from "../../src/server/platform/mail-types";
import { createMailer } from "../../src/server/platform/mailer";
import { listOutbox, readOutboxMessage } from "../../src/server/platform/outbox";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";

const base = { from: "paper-digest <digest@papers.example.org>", appUrl: "https://papers.example.org", log: () => {} };
const mail = {
  to: "reader@example.com",
  subject: "Hello",
  html: "<p>Hello <b>reader</b></p>",
  text: "Hello reader",
  headers: {
    "List-Unsubscribe": "<https://papers.example.org/unsubscribe?token=1.abc>, <mailto:unsub@papers.example.org>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
};

describe("SMTP transport", () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => smtp.close());

  it("sends both parts, a Message-ID on the app's domain, a Date and the headers verbatim", async () => {
    const mailer = createMailer({ ...base, outboxDir: "/nonexistent", smtpUrl: smtp.url, ratePerSecond: 5 });
    const sent = await mailer.send(mail);
    await mailer.close();
    const [received] = await smtp.waitFor(1);
    const parsed = received!.parsed;
    expect(sent.messageId).toMatch(/^<[0-9a-f]{32}@papers\.example\.org>$/);
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.html).toContain("<b>reader</b>");
    expect(parsed.text?.trim()).toBe("Hello reader");
    expect(parsed.from?.value[0]).toMatchObject({ name: "paper-digest", address: "digest@papers.example.org" });
    expect(received!.raw).toContain(`List-Unsubscribe: ${mail.headers["List-Unsubscribe"]}\r\n`);
    expect(received!.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
  });

  it("maps a 550 to RCPT TO to a refused mailbox and a 451 to a mailbox to retry later", async () => {
    smtp.rejectRecipient("gone@example.com", 550);
    smtp.rejectRecipient("busy@example.com", 451);
    const mailer = createMailer({ ...base, outboxDir: "/nonexistent", smtpUrl: smtp.url, pool: false });
    const gone = await mailer.send({ ...mail, to: "gone@example.com" }).catch((e: unknown) => e);
    const busy = await mailer.send({ ...mail, to: "busy@example.com" }).catch((e: unknown) => e);
    await mailer.close();
    expect(gone).toBeInstanceOf(MailSendError);
    expect(gone).toMatchObject({ fault: "recipient", responseCode: 550, stage: "RCPT TO" });
    expect(busy).toBeInstanceOf(MailSendError);
    expect(busy).toMatchObject({ fault: "recipient-later", responseCode: 451, stage: "RCPT TO" });
  });

  it("treats a server that is down as a fault of the run, not of the reader", async () => {
    const down = await startSmtpCatcher();
    await down.close();
    const mailer = createMailer({ ...base, outboxDir: "/nonexistent", smtpUrl: down.url, pool: false });
    const error = await mailer.send(mail).catch((e: unknown) => e);
    await mailer.close();
    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).fault).toBe("run");
  });

  it("refuses a header value that would inject another header", async () => {
    const mailer = createMailer({ ...base, outboxDir: "/nonexistent", smtpUrl: smtp.url, pool: false });
    await expect(
      mailer.send({ ...mail, headers: { "X-Test": "a\r\nBcc: victim@example.com" } }),
    ).rejects.toBeInstanceOf(MailSendError);
    await mailer.close();
  });
});

describe("outbox transport", () => {
  it("writes a parseable .eml with both parts, Message-ID and Date, and lists it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-test-"));
    const lines: string[] = [];
    const clock = () => new Date("2026-11-26T07:00:00Z");
    const mailer = createMailer({ ...base, outboxDir: dir, clock, log: (line) => lines.push(line) });
    const sent = await mailer.send(mail);
    expect(sent.path).toBeDefined();
    expect(lines[0]).toContain(sent.path!);
    const parsed = await simpleParser(fs.readFileSync(sent.path!));
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.date?.toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(parsed.html).toContain("<b>reader</b>");
    expect(parsed.text?.trim()).toBe("Hello reader");
    expect(parsed.headerLines.map((h) => h.line)).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    const listed = await listOutbox(dir);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ to: "reader@example.com", subject: "Hello" });
    const read = await readOutboxMessage(dir, listed[0]!.file);
    expect(read?.text.trim()).toBe("Hello reader");
    expect(await readOutboxMessage(dir, "../secret-key")).toBeNull();
    expect(await readOutboxMessage(dir, "missing.eml")).toBeNull();
    expect(await listOutbox(path.join(dir, "nope"))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
