// Confirmation mails are claimed before they are sent: two processes retrying at once (two servers'
// schedulers, or a retry beside a subscribe request) send one mail, so its link stays the valid one.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/server/store/open-store";
import type { Store } from "../../src/server/store/store";
import { confirmSubscription } from "../../src/server/subscriptions/confirm-subscription";
import { CONFIRMATION_CLAIM_MS } from "../../src/server/subscriptions/send-confirmation";
import { retryPendingConfirmations } from "../../src/server/subscriptions/retry-confirmations";
import { newManageNonce } from "../../src/server/subscriptions/links";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { APP_URL, linkIn, smtpMailer, tokenOf } from "../helpers/subscription-env";
import { createTempDb, type TempDb } from "../helpers/temp-db";

process.env.SECRET_KEY ??= "confirmation-claims-secret-key-0123456789";
const NOW = new Date("2026-11-26T07:00:00.000Z");

let temp: TempDb;
let secondProcess: Store;
let smtp: SmtpCatcher;

beforeEach(async () => {
  temp = await createTempDb();
  secondProcess = await openStore(temp.url, { halfLifeHours: 24 });
  smtp = await startSmtpCatcher();
});
afterEach(async () => {
  await smtp.close();
  await secondProcess.close();
  await temp.cleanup();
});

const pendingSubscriber = (email: string) =>
  temp.store.subscribers.create({
    email,
    status: "pending",
    topics: "[]",
    createdAt: NOW,
    manageTokenHash: newManageNonce(),
    confirmPending: true,
    consentAt: NOW,
    consentIpHash: null,
    consentUserAgent: null,
  });

describe("confirmation retries", () => {
  it("send one mail when two processes retry at once, and its link confirms", async () => {
    const subscriber = await pendingSubscriber("twice@example.com");
    const [mailerA, mailerB] = [smtpMailer(smtp.url), smtpMailer(smtp.url)];
    const results = await Promise.all([
      retryPendingConfirmations({ store: temp.store, mailer: mailerA, now: NOW, appUrl: APP_URL }),
      retryPendingConfirmations({ store: secondProcess, mailer: mailerB, now: NOW, appUrl: APP_URL }),
    ]);
    await Promise.all([mailerA.close(), mailerB.close()]);
    expect(results.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(smtp.messages).toHaveLength(1);
    const token = tokenOf(linkIn(smtp.messages[0]!.parsed.text, `${APP_URL}/subscription/confirm?token=`));
    expect(await confirmSubscription({ store: temp.store, token, now: NOW, appUrl: APP_URL })).toMatchObject({
      status: "confirmed",
    });
    expect((await temp.store.subscribers.byId(subscriber.id))?.confirmAttempts).toBe(1);
  });

  it("retry a confirmation whose sender died mid-send once its claim has expired, not before", async () => {
    const subscriber = await pendingSubscriber("stuck@example.com");
    await temp.db.subscriber.update({ where: { id: subscriber.id }, data: { confirmClaimedAt: NOW } });
    const mailer = smtpMailer(smtp.url);
    expect(
      await retryPendingConfirmations({
        store: temp.store,
        mailer,
        now: new Date(NOW.getTime() + CONFIRMATION_CLAIM_MS - 1),
        appUrl: APP_URL,
      }),
    ).toEqual({ attempted: 1, sent: 0 });
    expect(
      await retryPendingConfirmations({
        store: temp.store,
        mailer,
        now: new Date(NOW.getTime() + CONFIRMATION_CLAIM_MS + 1),
        appUrl: APP_URL,
      }),
    ).toEqual({ attempted: 1, sent: 1 });
    await mailer.close();
    expect(smtp.messages.flatMap((m) => m.to)).toEqual(["stuck@example.com"]);
    expect(await temp.db.subscriber.findUniqueOrThrow({ where: { id: subscriber.id } })).toMatchObject({
      confirmPending: false,
      confirmClaimedAt: null,
    });
  });
});
