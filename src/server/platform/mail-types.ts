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

/** A send failure classified for retry decisions: temporary (4xx, connection) or permanent (5xx). */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}
