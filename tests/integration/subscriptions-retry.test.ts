import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as subscribe } from "../../src/app/api/subscriptions/route";
import * as confirmPage from "../../src/pages/subscription/confirm";
import { useMailer } from "../../src/server/platform/mailer";
import { purgeUnconfirmed } from "../../src/server/subscriptions/purge-unconfirmed";
import { retryPendingConfirmations } from "../../src/server/subscriptions/retry-confirmations";
import { SUBSCRIBE_ACCEPTED_BODY } from "../../src/server/subscriptions/subscribe-input";
import { pageRenderer } from "../helpers/page";
import { startSmtpCatcher } from "../helpers/smtp-catcher";
import {
  APP_URL,
  clickConfirm,
  linkIn,
  smtpMailer,
  startSubscriptionEnv,
  subscribeRequest,
  tokenOf,
} from "../helpers/subscription-env";

// Each test gets its own database and SMTP server: it reads only the subscribers it made.
let env: Awaited<ReturnType<typeof startSubscriptionEnv>>;
beforeEach(async () => {
  env = await startSubscriptionEnv();
});
afterEach(async () => env.stop());

const json = subscribeRequest;

describe("SMTP down at subscribe time", () => {
  it("answers 202, keeps the row pending and delivers the confirmation on retry", async () => {
    const { db, store } = env.temp;
    const dead = await startSmtpCatcher();
    await dead.close();
    const deadMailer = smtpMailer(dead.url);
    useMailer(deadMailer);
    const response = await subscribe(json("patient@example.com", "192.0.2.10"));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe(SUBSCRIBE_ACCEPTED_BODY);
    const kept = await db.subscriber.findUniqueOrThrow({ where: { email: "patient@example.com" } });
    expect(kept).toMatchObject({ status: "pending", confirmPending: true, confirmAttempts: 0, confirmSentAt: null });
    expect(kept.confirmLastError).toMatch(/^temporary: /);

    expect(await retryPendingConfirmations({ store, mailer: deadMailer, now: new Date(), appUrl: APP_URL })).toEqual({
      attempted: 1,
      sent: 0,
    });
    // SMTP down is the mail system's fault, not this address's: the attempt is not counted.
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: kept.id } })).confirmAttempts).toBe(0);
    await deadMailer.close();

    const mailer = smtpMailer(env.smtp.url);
    const now = new Date();
    expect(await retryPendingConfirmations({ store, mailer, now, appUrl: APP_URL })).toEqual({ attempted: 1, sent: 1 });
    await mailer.close();
    const [mail] = await env.smtp.waitFor(1);
    const after = await db.subscriber.findUniqueOrThrow({ where: { id: kept.id } });
    expect(after).toMatchObject({
      status: "pending",
      confirmPending: false,
      confirmLastError: null,
      confirmSentAt: now,
    });
    const link = linkIn(mail!.parsed.text, `${APP_URL}/subscription/confirm?token=`);
    expect((await pageRenderer(confirmPage)(`?token=${encodeURIComponent(tokenOf(link))}`)).html).toContain(
      "Confirm subscription",
    );
    expect((await clickConfirm(tokenOf(link))).html).toContain("You are subscribed");
    expect(await retryPendingConfirmations({ store, mailer, now, appUrl: APP_URL })).toEqual({ attempted: 0, sent: 0 });
  });

  it("stops retrying an address the server refuses permanently (550)", async () => {
    const { db, store } = env.temp;
    env.smtp.rejectRecipient("nobody@example.com", 550);
    useMailer(smtpMailer(env.smtp.url));
    expect((await subscribe(json("nobody@example.com", "192.0.2.11"))).status).toBe(202);
    const row = await db.subscriber.findUniqueOrThrow({ where: { email: "nobody@example.com" } });
    expect(row).toMatchObject({ status: "pending", confirmPending: false });
    expect(row.confirmLastError).toMatch(/^permanent: /);
    expect(
      (await retryPendingConfirmations({ store, mailer: smtpMailer(env.smtp.url), now: new Date(), appUrl: APP_URL }))
        .attempted,
    ).toBe(0);
  });

  it("forgets addresses nobody confirmed within a week", async () => {
    const { db, store } = env.temp;
    useMailer(smtpMailer(env.smtp.url));
    for (const [email, ip] of [
      ["unconfirmed@example.com", "192.0.2.12"],
      ["recent@example.com", "192.0.2.13"],
      ["confirmed@example.com", "192.0.2.14"],
    ] as const) {
      expect((await subscribe(json(email, ip))).status).toBe(202);
    }
    const [confirmation] = (await env.smtp.waitFor(3)).filter((m) => m.to[0] === "confirmed@example.com");
    expect(
      (await clickConfirm(tokenOf(linkIn(confirmation!.parsed.text, `${APP_URL}/subscription/confirm?token=`)))).html,
    ).toContain("You are subscribed");
    // Eight days on, the address asked for again a day ago is kept: the week counts from the last request.
    const later = new Date(Date.now() + 8 * 86_400_000);
    await db.subscriber.update({
      where: { email: "recent@example.com" },
      data: { consentAt: new Date(later.getTime() - 86_400_000) },
    });
    expect(await purgeUnconfirmed({ store, now: later })).toBe(1);
    const left = await db.subscriber.findMany({ orderBy: { email: "asc" }, select: { email: true, status: true } });
    expect(left).toEqual([
      { email: "confirmed@example.com", status: "active" },
      { email: "recent@example.com", status: "pending" },
    ]);
  });
});
