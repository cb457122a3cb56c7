// What the rest of the app needs from a mailer: send one message, learn its id or why it failed.

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, set verbatim (List-Unsubscribe, List-Unsubscribe-Post, ...). */
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /** Where the outbox transport wrote the .eml file, when it did. */
  path?: string;
}

/**
 * Whose problem a failed send is, which decides what happens next (docs/digest.md, "Failures"):
 * - "recipient": the receiving server refused this mailbox for good (5xx to RCPT TO naming the mailbox).
 * - "recipient-later": this mailbox, for now (4xx to RCPT TO, e.g. greylisting or a full mailbox).
 * - "run": nothing to do with this reader: refused sender, relay denied, quota, a reply at DATA, a dropped or
 *   refused connection, a timeout before the message was sent. Every other mail would fail the same way.
 * - "unknown": the whole message went out but no reply came (timeout, connection lost): it may have been
 *   delivered, so it must not be sent again.
 */
export type MailFault = "recipient" | "recipient-later" | "run" | "unknown";

export class MailSendError extends Error {
  constructor(
    message: string,
    readonly fault: MailFault,
    readonly responseCode?: number,
    /** The SMTP step that failed: "MAIL FROM", "RCPT TO", "DATA", "CONN" (connection), "API" (before sending). */
    readonly stage?: string,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}
