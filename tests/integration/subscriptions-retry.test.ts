import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as subscribe } from "../../src/app/api/subscriptions/route";
import * as confirmPage from "../../src/pages/subscription/confirm";
import { useMailer } from "../../src/server/mailer";
import { purgeUnconfirmed } from "../../src/server/subscriptions/purge-unconfirmed";
import { retryPendingConfirmations } from "../../src/server/subscriptions/retry-confirmations";
import { SUBSCRIBE_ACCEPTED_BODY } from "../../src/server/subscriptions/subscribe-input";
import { pageRenderer } from "../helpers/page";
import { request } from "../helpers/route";
import { startSmtpCatcher } from "../helpers/smtp-catcher";
import { APP_URL, linkIn, smtpMailer, startSubscriptionEnv, tokenOf } from "../helpers/subscription-env";

let env: Awaited<ReturnType<typeof startSubscriptionEnv>>;
beforeAll(async () => {
  env = await startSubscriptionEnv();
});
afterAll(async () => env.stop());

const json = (email: string, ip: string) =>
  request("/api/subscriptions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
    ip,
  });

describe("SMTP down at subscribe time", () => {
  it("answers 202, keeps the row pending and delivers the confirmation on retry", async () => {
    const { db } = env.temp;
    const dead = await startSmtpCatcher();
    await dead.close();
    const deadMailer = smtpMailer(dead.url);
    useMailer(deadMailer);
    const response = await subscribe(json("patient@example.com", "192.0.2.10"));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe(SUBSCRIBE_ACCEPTED_BODY);
    const kept = await db.subscriber.findUniqueOrThrow({ where: { email: "patient@example.com" } });
    expect(kept).toMatchObject({ status: "pending", confirmPending: true, confirmAttempts: 1, confirmSentAt: null });
    expect(kept.confirmLastError).toMatch(/^temporary: /);

    expect(await retryPendingConfirmations({ db, mailer: deadMailer, now: new Date(), appUrl: APP_URL })).toEqual({
      attempted: 1,
      sent: 0,
    });
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: kept.id } })).confirmAttempts).toBe(2);
    await deadMailer.close();

    const mailer = smtpMailer(env.smtp.url);
    const now = new Date();
    expect(await retryPendingConfirmations({ db, mailer, now, appUrl: APP_URL })).toEqual({ attempted: 1, sent: 1 });
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
      "You are subscribed",
    );
    expect(await retryPendingConfirmations({ db, mailer, now, appUrl: APP_URL })).toEqual({ attempted: 0, sent: 0 });
  });

  it("stops retrying an address the server refuses permanently (550)", async () => {
    const { db } = env.temp;
    env.smtp.rejectRecipient("nobody@example.com", 550);
    useMailer(smtpMailer(env.smtp.url));
    expect((await subscribe(json("nobody@example.com", "192.0.2.11"))).status).toBe(202);
    const row = await db.subscriber.findUniqueOrThrow({ where: { email: "nobody@example.com" } });
    expect(row).toMatchObject({ status: "pending", confirmPending: false });
    expect(row.confirmLastError).toMatch(/^permanent: /);
    expect(
      (await retryPendingConfirmations({ db, mailer: smtpMailer(env.smtp.url), now: new Date(), appUrl: APP_URL }))
        .attempted,
    ).toBe(0);
  });

  it("forgets addresses nobody confirmed within a week", async () => {
    const { db } = env.temp;
    const later = new Date(Date.now() + 8 * 86_400_000);
    const before = await db.subscriber.count({ where: { status: "pending", confirmedAt: null } });
    expect(before).toBe(1);
    expect(await purgeUnconfirmed({ db, now: later })).toBe(1);
    expect(await db.subscriber.count({ where: { email: "patient@example.com", status: "active" } })).toBe(1);
  });
});
