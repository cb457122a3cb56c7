// A real SMTP server in-process (smtp-server) that parses what it receives with mailparser.
import type { AddressInfo, Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  /** The envelope sender (MAIL FROM). */
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/** Where a fault answers: the reply to MAIL FROM, to RCPT TO, or the reply after the message body (DATA). */
export type SmtpStage = "MAIL FROM" | "RCPT TO" | "DATA";

export interface SmtpCatcher {
  url: string;
  port: number;
  messages: CaughtMail[];
  /** Reply to RCPT TO for this address with the given SMTP code (e.g. 550, 451). */
  rejectRecipient(address: string, code: number): void;
  /** How many MAIL FROM commands have arrived (a message begins), answered or not. */
  mailFroms(): number;
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  /** Resolves when at least `count` MAIL FROM commands have arrived. */
  waitForMailFrom(count: number, timeoutMs?: number): Promise<void>;
  /**
   * From now on, each message is recorded as it arrives but its sender gets no answer (the mail stays
   * "being sent") until release() is called: a test can keep a sender in the middle of its run.
   * At "MAIL FROM", the sender waits for the answer to MAIL FROM instead (nothing of the message sent yet).
   */
  hold(stage?: "MAIL FROM" | "DATA"): { release(): void };
  /** From now on every message gets `reply` (e.g. "550 5.7.1 Relaying denied") at `stage`, until heal(). */
  fail(stage: SmtpStage, reply: string): void;
  /** From now on the server drops the connection once part of a message body has arrived, until heal(). */
  dropMidData(): void;
  /** Back to accepting every message. */
  heal(): void;
  close(): Promise<void>;
}

type Callback = (error?: Error | null) => void;

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const rejections = new Map<string, number>();
  const waiters: (() => void)[] = [];
  let gate: Promise<void> = Promise.resolve();
  let mailFromGate: Promise<void> = Promise.resolve();
  let mailFroms = 0;
  let fault: { stage: SmtpStage; reply: string } | "drop" | null = null;
  /** Answers with the configured fault at `stage`; true when it did. */
  const failed = (stage: SmtpStage, callback: Callback): boolean => {
    if (fault === null || fault === "drop" || fault.stage !== stage) return false;
    const [, code, text] = /^(\d{3}) (.*)$/.exec(fault.reply)!;
    callback(Object.assign(new Error(text), { responseCode: Number(code) }));
    return true;
  };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      mailFroms += 1;
      waiters.splice(0).forEach((wake) => wake());
      void mailFromGate.then(() => {
        if (!failed("MAIL FROM", callback)) callback();
      });
    },
    onRcptTo(address, _session, callback) {
      if (failed("RCPT TO", callback)) return;
      const code = rejections.get(address.address.toLowerCase());
      if (!code) return callback();
      const error = Object.assign(new Error(`${code} mailbox unavailable`), { responseCode: code });
      callback(error);
    },
    onData(stream, session, callback) {
      if (fault === "drop") {
        // Part of the body arrived, the rest is still on its way: the connection goes, the message with it.
        stream.once("data", () => socketOf(server, session.id)?.destroy());
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then(async (parsed) => {
            if (failed("DATA", callback)) return;
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
  /** Waits on arrivals (woken by each), giving up after `timeoutMs`. */
  const until = async (done: () => boolean, timeoutMs: number, failure: () => string) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(failure());
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  // A client killed mid-session resets its connection: that is a test's doing, not a server failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    rejectRecipient(address, code) {
      rejections.set(address.toLowerCase(), code);
    },
    mailFroms: () => mailFroms,
    async waitFor(count, timeoutMs = 5000) {
      await until(
        () => messages.length >= count,
        timeoutMs,
        () => `expected ${count} mails, got ${messages.length}`,
      );
      return messages;
    },
    waitForMailFrom(count, timeoutMs = 5000) {
      return until(
        () => mailFroms >= count,
        timeoutMs,
        () => `expected ${count} MAIL FROM, got ${mailFroms}`,
      );
    },
    hold(stage = "DATA") {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      if (stage === "DATA") gate = held;
      else mailFromGate = held;
      return { release };
    },
    fail(stage, reply) {
      fault = { stage, reply };
    },
    dropMidData() {
      fault = "drop";
    },
    heal() {
      fault = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The socket of a session (smtp-server keeps its connections in a set, by the session's id). */
function socketOf(server: SMTPServer, sessionId: string): Socket | undefined {
  const connections = (server as unknown as { connections: Set<{ id: string; _socket: Socket }> }).connections;
  return [...connections].find((connection) => connection.id === sessionId)?._socket;
}
