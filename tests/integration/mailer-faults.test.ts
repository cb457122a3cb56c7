// The mailer's reading of SMTP faults against a real SMTP server, the confirmation mails' handling of them, and a
// suppressed reader's way back: the manage page says so, and confirming the address again lifts it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as subscribe } from "../../src/app/api/subscriptions/route";
import * as subscriptionPage from "../../src/pages/subscription/index";
import { MailSendError } from "../../src/server/platform/mail-types";
import { createMailer } from "../../src/server/platform/mailer";
import { manageToken } from "../../src/server/subscriptions/links";
import { retryPendingConfirmations } from "../../src/server/subscriptions/retry-confirmations";
import { pageRenderer } from "../helpers/page";
import {
  APP_URL,
  clickConfirm,
  linkIn,
  startSubscriptionEnv,
  subscribeRequest,
  tokenOf,
} from "../helpers/subscription-env";

let env: Awaited<ReturnType<typeof startSubscriptionEnv>>;
beforeEach(async () => {
  env = await startSubscriptionEnv();
});
afterEach(async () => env.stop());

const mail = { to: "reader@example.com", subject: "Hello", html: "<p>Hello</p>", text: "Hello" };

function mailer() {
  return createMailer({
    smtpUrl: env.smtp.url,
    pool: false,
    outboxDir: "/nonexistent",
    from: "paper-digest <digest@papers.example.org>",
    appUrl: APP_URL,
    timeoutMs: 1_500,
    log: () => {},
  });
}

async function failureOf(send: Promise<unknown>): Promise<MailSendError> {
  const error = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailSendError);
  return error as MailSendError;
}

describe("the mailer's SMTP faults", () => {
  it("a connection dropped in the middle of the body is a fault of the run: nothing was delivered", async () => {
    env.smtp.dropMidData();
    const sender = mailer();
    // Bigger than the socket buffers can hold, so the drop really comes before the end of the message.
    const big = { ...mail, text: "All work and no play. ".repeat(1_500_000) };
    const failure = await failureOf(sender.send(big));
    await sender.close();
    expect(failure).toMatchObject({ fault: "run" });
    expect(env.smtp.messages).toHaveLength(0);
  });

  it("no reply after the whole message went out is unknown: it may have been delivered", async () => {
    const held = env.smtp.hold();
    const sender = mailer();
    try {
      const failure = await failureOf(sender.send(mail));
      expect(failure).toMatchObject({ fault: "unknown" });
      expect(failure.message).toMatch(/timeout/i);
      expect(env.smtp.messages).toHaveLength(1);
    } finally {
      held.release();
      await sender.close();
    }
  });

  it("a stall before the body (no reply to MAIL FROM) is a fault of the run, not unknown", async () => {
    const held = env.smtp.hold("MAIL FROM");
    const sender = mailer();
    try {
      expect(await failureOf(sender.send(mail))).toMatchObject({ fault: "run" });
    } finally {
      held.release();
      await sender.close();
    }
  });
});

const subscribeAs = (email: string, ip: string) => subscribe(subscribeRequest(email, ip));

describe("confirmation mails and SMTP faults", () => {
  it("a refused sender keeps the confirmation pending, counts no attempt, and it goes out once fixed", async () => {
    const { db, store } = env.temp;
    env.smtp.fail("MAIL FROM", "550 5.7.1 Sender address rejected: not owned by user");
    expect((await subscribeAs("patient@example.com", "192.0.2.30")).status).toBe(202);
    const row = await db.subscriber.findUniqueOrThrow({ where: { email: "patient@example.com" } });
    expect(row).toMatchObject({ status: "pending", confirmPending: true, confirmAttempts: 0, suppressedAt: null });
    expect(row.confirmLastError).toMatch(/^temporary: .*550 5\.7\.1/);

    env.smtp.heal();
    const sender = mailer();
    expect(await retryPendingConfirmations({ store, mailer: sender, now: new Date(), appUrl: APP_URL })).toEqual({
      attempted: 1,
      sent: 1,
    });
    await sender.close();
    expect(env.smtp.messages.map((m) => m.parsed.subject)).toEqual(["Confirm your paper-digest subscription"]);
  });
});

describe("a suppressed reader", () => {
  it("sees it on the manage page; subscribing again sends a confirmation, and confirming lifts it", async () => {
    const { db } = env.temp;
    const email = "bounced@example.com";
    expect((await subscribeAs(email, "192.0.2.31")).status).toBe(202);
    const [confirmation] = await env.smtp.waitFor(1);
    await clickConfirm(tokenOf(linkIn(confirmation!.parsed.text, `${APP_URL}/subscription/confirm?token=`)));
    const suppressed = await db.subscriber.update({
      where: { email },
      data: { suppressedAt: new Date(), suppressReason: "Hard bounce: 550 5.1.1 No such user" },
    });
    const manage = pageRenderer(subscriptionPage);
    const before = await manage(`?token=${encodeURIComponent(manageToken(suppressed))}`);
    expect(before.html).toContain("Stopped: mail to this address bounced");
    expect(before.html).toContain("Confirm this address again");

    expect((await subscribeAs(email, "192.0.2.31")).status).toBe(202);
    const [, again] = await env.smtp.waitFor(2);
    expect(again!.parsed.subject).toBe("Confirm your paper-digest subscription");
    const confirmed = await clickConfirm(tokenOf(linkIn(again!.parsed.text, `${APP_URL}/subscription/confirm?token=`)));
    expect(confirmed.html).toContain("You are subscribed");
    const after = await db.subscriber.findUniqueOrThrow({ where: { email } });
    expect(after).toMatchObject({ status: "active", suppressedAt: null, suppressReason: null });
    expect((await manage(`?token=${encodeURIComponent(manageToken(after))}`)).html).toContain("Active.");
  });
});
