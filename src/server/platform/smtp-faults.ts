// Reads a failed SMTP send: was it this reader's mailbox, or the sending side, or is the outcome unknown?
// A relay that refuses our sender answers every recipient the same way, so treating each such refusal as a
// bounce would suppress the whole list; only a refusal that names the mailbox counts against the reader.
import { MailSendError, type MailFault } from "./mail-types";

interface SmtpErrorDetail {
  message?: string;
  responseCode?: number;
  response?: string;
  /** nodemailer's error code: EENVELOPE, EMESSAGE, ECONNECTION, ETIMEDOUT, EAUTH, ... */
  code?: string;
  /** nodemailer's failed step: "MAIL FROM", "RCPT TO", "DATA", "CONN", "API", ... */
  command?: string;
}

/**
 * `bodySent`: the last byte of the message had been handed to the connection when the error came. Without an
 * SMTP reply after that point the server may have taken the message, so it is "unknown", never resent.
 */
export function classifySmtpError(error: unknown, bodySent: boolean): MailSendError {
  if (error instanceof MailSendError) return error;
  const detail = (typeof error === "object" && error !== null ? error : { message: String(error) }) as SmtpErrorDetail;
  const code = typeof detail.responseCode === "number" ? detail.responseCode : undefined;
  const message = detail.message ?? String(error);
  return new MailSendError(message, faultOf(detail, code, bodySent), code, detail.command);
}

function faultOf(detail: SmtpErrorDetail, code: number | undefined, bodySent: boolean): MailFault {
  // 421: the server is closing the session, whatever the command: nothing about this reader.
  if (code === 421) return "run";
  if (detail.command === "RCPT TO" && code !== undefined) {
    if (code >= 400 && code < 500) return "recipient-later";
    if (code >= 500 && code < 600) return recipientRefusal(detail.response ?? detail.message ?? "");
  }
  // Any other reply (to MAIL FROM, to DATA, after the body, to AUTH) refused the message: it was not taken.
  if (code !== undefined) return "run";
  return bodySent ? "unknown" : "run";
}

/** Words of replies about the sending side (relaying, authentication, sending quotas, reputation). */
const SENDER_SIDE = /relay|authenticat|sender|quota|limit|rate|policy|spam|block|denied|reputation|suspend/i;

/** A 5xx to RCPT TO: the mailbox (RFC 3463 X.1.x addressing, X.2.1 disabled) or something about us. */
function recipientRefusal(reply: string): MailFault {
  const enhanced = /\b5\.(\d{1,3})\.(\d{1,3})\b/.exec(reply);
  if (enhanced) {
    const [subject, detail] = [Number(enhanced[1]), Number(enhanced[2])];
    // 5.1.7 and 5.1.8 are the sender's address; 5.2.2 is a full mailbox (worth another try, not a bounce).
    if (subject === 1 && detail !== 7 && detail !== 8) return "recipient";
    if (subject === 2 && detail === 1) return "recipient";
    if (subject === 2 && detail === 2) return "recipient-later";
    return "run";
  }
  return SENDER_SIDE.test(reply) ? "run" : "recipient";
}
