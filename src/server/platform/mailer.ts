// The one mailer: SMTP (pooled, rate-limited) when SMTP_URL is set, else .eml files in the outbox folder.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PassThrough, pipeline } from "node:stream";
import nodemailer from "nodemailer";
import { env } from "@/env";
import { MailSendError, type Mailer, type OutgoingMail, type SentMail } from "./mail-types";
import { classifySmtpError } from "./smtp-faults";

export interface MailerOptions {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
  appUrl: string;
  pool?: boolean;
  ratePerSecond?: number;
  log?: (line: string) => void;
  /** Clock for the Date header; the real one unless a test fixes it. */
  clock?: () => Date;
  /** How long to wait for the server at each step (connect, greeting, every reply): SMTP_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** The mail's own key nodemailer hands to plugins: called once the last byte of the message was passed on. */
interface TrackedMailData {
  onBodySent?: () => void;
}

export function createMailer(options: MailerOptions): Mailer {
  const host = new URL(options.appUrl).hostname || "localhost";
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const transport = options.smtpUrl
    ? nodemailer.createTransport({
        url: options.smtpUrl,
        pool: options.pool ?? true,
        rateDelta: 1000,
        rateLimit: options.ratePerSecond,
        // Fail fast so a dead server turns into a retry, not a hung request.
        connectionTimeout: Math.min(options.timeoutMs ?? 10_000, 10_000),
        greetingTimeout: Math.min(options.timeoutMs ?? 10_000, 10_000),
        socketTimeout: options.timeoutMs ?? 30_000,
      } as Parameters<typeof nodemailer.createTransport>[0])
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  // Marks the moment the whole message has been read by the connection's DATA stream, which happens only after
  // the server's 354: a failure after it, without a reply, may have been delivered ("unknown"); a failure before
  // it certainly was not. The probe is the last stage of the message stream (a process function runs after
  // every transform), so nothing downstream buffers the message ahead of the connection. One per attempt.
  transport.use("stream", (mail, done) => {
    const onBodySent = (mail.data as TrackedMailData).onBodySent;
    if (onBodySent)
      mail.message.processFunc((input) => {
        const probe = new PassThrough();
        probe.once("end", onBodySent);
        // pipeline: an error of the message reaches the connection through the probe.
        return pipeline(input, probe, () => {});
      });
    done();
  });

  return {
    async send(mail: OutgoingMail): Promise<SentMail> {
      const messageId = `<${crypto.randomBytes(16).toString("hex")}@${host}>`;
      const message = {
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId,
        date: clock(),
        headers: preparedHeaders(mail.headers),
        onBodySent: () => (bodySent = true),
      };
      let bodySent = false;
      let info: { message?: unknown };
      try {
        info = (await transport.sendMail(message)) as { message?: unknown };
      } catch (error) {
        throw classifySmtpError(error, bodySent);
      }
      if (options.smtpUrl) return { messageId };
      const file = await writeEml(options.outboxDir, info.message, clock());
      log(`Mail written to ${file}`);
      return { messageId, path: file };
    },
    async close() {
      transport.close();
    },
  };
}

/** Headers go out exactly as given (nodemailer's `list` option would rewrite them); CR/LF is refused. */
function preparedHeaders(headers: Record<string, string> | undefined) {
  if (!headers) return undefined;
  const prepared: Record<string, { prepared: true; value: string }> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (!/^[A-Za-z0-9-]+$/.test(key) || /[\r\n]/.test(value))
      throw new MailSendError(`Invalid mail header ${key}`, "run", undefined, "API");
    prepared[key] = { prepared: true, value };
  }
  return prepared;
}

async function writeEml(dir: string, content: unknown, at: Date): Promise<string> {
  if (!Buffer.isBuffer(content))
    throw new MailSendError("Outbox transport produced no message", "run", undefined, "API");
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  // Sortable by time, unique by a random suffix.
  const name = `${at.toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`;
  const file = path.join(dir, name);
  await fs.promises.writeFile(file, content, { mode: 0o600 }); // live confirmation and manage links
  return file;
}

const globalForMailer = globalThis as unknown as { paperDigestMailer?: Mailer };

/** The process-wide mailer built from the environment. */
export function mailerFromEnv(): Mailer {
  if (globalForMailer.paperDigestMailer) return globalForMailer.paperDigestMailer;
  const settings = env();
  if (settings.MAIL_TRANSPORT === "smtp" && !settings.SMTP_URL) throw new Error("MAIL_TRANSPORT=smtp needs SMTP_URL");
  const useSmtp = settings.MAIL_TRANSPORT !== "outbox" && Boolean(settings.SMTP_URL);
  globalForMailer.paperDigestMailer = createMailer({
    smtpUrl: useSmtp ? settings.SMTP_URL : undefined,
    outboxDir: settings.outboxDir,
    from: settings.MAIL_FROM,
    appUrl: settings.appUrl,
    ratePerSecond: settings.MAIL_RATE_PER_SEC,
    timeoutMs: settings.SMTP_TIMEOUT_MS,
  });
  return globalForMailer.paperDigestMailer;
}

/** Closes the process-wide mailer's SMTP pool, if one was opened (a stopping process). */
export async function closeMailer(): Promise<void> {
  const mailer = globalForMailer.paperDigestMailer;
  globalForMailer.paperDigestMailer = undefined;
  await mailer?.close();
}

/** Replaces the process-wide mailer (integration tests point it at an in-process SMTP server). */
export function useMailer(mailer: Mailer | undefined): void {
  globalForMailer.paperDigestMailer = mailer;
}
