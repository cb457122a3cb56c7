// A real SMTP server in-process (smtp-server) that parses what it receives with mailparser.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  /** The envelope sender (MAIL FROM). */
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpCatcher {
  url: string;
  port: number;
  messages: CaughtMail[];
  /** Reply to RCPT TO for this address with the given SMTP code (e.g. 550, 451). */
  rejectRecipient(address: string, code: number): void;
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  /**
   * From now on, each message is recorded as it arrives but its sender gets no answer (the mail stays
   * "being sent") until release() is called: a test can keep a sender in the middle of its run.
   */
  hold(): { release(): void };
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const rejections = new Map<string, number>();
  const waiters: (() => void)[] = [];
  let gate: Promise<void> = Promise.resolve();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = rejections.get(address.address.toLowerCase());
      if (!code) return callback();
      const error = Object.assign(new Error(`${code} mailbox unavailable`), { responseCode: code });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then(async (parsed) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
            messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
            waiters.splice(0).forEach((wake) => wake());
            await gate;
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    rejectRecipient(address, code) {
      rejections.set(address.toLowerCase(), code);
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return messages;
    },
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return { release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
