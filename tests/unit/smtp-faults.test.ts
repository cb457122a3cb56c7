// How a failed SMTP send is read: errors shaped as nodemailer reports them (code, command, reply).
import { describe, expect, it } from "vitest";
import { MailSendError } from "../../src/server/platform/mail-types";
import { classifySmtpError } from "../../src/server/platform/smtp-faults";

function smtpError(command: string, response?: string, code = "EENVELOPE") {
  const responseCode = response ? Number(response.slice(0, 3)) : undefined;
  return Object.assign(new Error(`failed${response ? `: ${response}` : ""}`), {
    code,
    command,
    response,
    responseCode,
  });
}

describe("classifySmtpError", () => {
  it.each([
    ["RCPT TO", "550 5.1.1 <x@example.com>: Recipient address rejected: User unknown", "recipient"],
    ["RCPT TO", "550 5.2.1 Mailbox disabled", "recipient"],
    ["RCPT TO", "553 5.1.3 Bad recipient address syntax", "recipient"],
    ["RCPT TO", "550 No such user here", "recipient"],
    ["RCPT TO", "552 5.2.2 Mailbox full", "recipient-later"],
    ["RCPT TO", "450 4.2.1 Greylisted, try again", "recipient-later"],
    ["RCPT TO", "451 4.7.1 Try again later", "recipient-later"],
    ["RCPT TO", "421 4.7.0 Too many connections", "run"],
    ["RCPT TO", "550 5.7.1 Relaying denied", "run"],
    ["RCPT TO", "554 Relay access denied", "run"],
    ["RCPT TO", "550 5.1.8 Sender address domain does not exist", "run"],
    ["RCPT TO", "550 5.4.5 Daily user sending quota exceeded", "run"],
    ["RCPT TO", "550 Sending rate limit exceeded", "run"],
    ["MAIL FROM", "550 5.1.1 Sender unknown", "run"],
    ["MAIL FROM", "451 4.3.0 Try later", "run"],
    ["MAIL FROM", "421 4.3.2 Shutting down", "run"],
    ["DATA", "550 5.7.1 Message rejected as spam", "run"],
    ["DATA", "451 4.3.0 Queue full", "run"],
    ["AUTH PLAIN", "535 5.7.8 Authentication credentials invalid", "run"],
  ])("%s %s → %s", (command, response, fault) => {
    expect(classifySmtpError(smtpError(command, response), false).fault).toBe(fault);
    // A reply is an answer: the message was not taken, even when it came after the body.
    expect(classifySmtpError(smtpError(command, response), true).fault).toBe(fault);
  });

  it("a connection fault without a reply is the run's before the body, unknown after it", () => {
    for (const code of ["ETIMEDOUT", "ECONNECTION", "ESOCKET"]) {
      expect(classifySmtpError(smtpError("CONN", undefined, code), false).fault).toBe("run");
      expect(classifySmtpError(smtpError("CONN", undefined, code), true).fault).toBe("unknown");
    }
    expect(classifySmtpError(new Error("connect ECONNREFUSED 127.0.0.1:25"), false)).toMatchObject({ fault: "run" });
  });

  it("keeps the reply code and the step, and passes a classified error through", () => {
    const failure = classifySmtpError(smtpError("RCPT TO", "550 5.1.1 User unknown"), false);
    expect(failure).toMatchObject({ responseCode: 550, stage: "RCPT TO" });
    const own = new MailSendError("Invalid mail header X", "run");
    expect(classifySmtpError(own, true)).toBe(own);
  });
});
