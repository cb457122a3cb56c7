// A subscribe request: records consent and sends the right mail, with the same outcome for the caller whatever the
// address's state, so the answer never tells anyone who is subscribed.
import { alreadySubscribedEmail } from "@/emails/already-subscribed";
import type { Store } from "@/server/store/store";
import type { Mailer } from "@/server/platform/mail-types";
import { sign } from "@/server/platform/secrets";
import type { Cadence, SavedQuery, Weekday } from "@/domain/subscription/saved-query";
import { newManageNonce, subscriberLinks } from "./links";
import { savedQueryColumns } from "./saved-query-input";
import { sendConfirmation } from "./send-confirmation";

export interface SubscriptionRequest {
  store: Pick<Store, "subscribers" | "topics">;
  mailer: Mailer;
  now: Date;
  appUrl: string;
  /** Already normalised (domain/subscription/email-address). */
  email: string;
  /** Already resolved against the catalogue (resolveSavedQuery). */
  saved: SavedQuery;
  cadence?: Cadence;
  weekday?: Weekday;
  ip: string;
  userAgent: string | null;
}

export async function requestSubscription(request: SubscriptionRequest): Promise<void> {
  const { store, now, email } = request;
  const consent = {
    consentAt: now,
    // Keyed hash: proves which address consented without keeping a reversible IP.
    consentIpHash: sign("consent-ip", request.ip),
    consentUserAgent: request.userAgent?.slice(0, 300) ?? null,
  };
  let subscriber = await store.subscribers.byEmail(email);
  if (!subscriber) {
    // Two requests for a new address at once: the store hands the second one the row the first created.
    subscriber = await store.subscribers.create({
      email,
      status: "pending",
      ...savedQueryColumns(request.saved, request),
      createdAt: now,
      manageTokenHash: newManageNonce(),
      confirmPending: true,
      ...consent,
    });
  } else if ((subscriber.status === "active" || subscriber.status === "paused") && !subscriber.suppressedAt) {
    const links = subscriberLinks(subscriber, request.appUrl);
    await request.mailer
      .send({ to: email, ...alreadySubscribedEmail({ manageUrl: links.manageUrl, appUrl: request.appUrl }) })
      .catch(() => undefined); // A courtesy note; the subscription itself is unaffected if it fails.
    return;
  } else {
    // Pending, unsubscribed, or suppressed after a bounce: this request is the one a confirmation will prove,
    // and confirming it lifts the suppression (the address has shown it takes mail).
    await store.subscribers.update(subscriber.id, {
      status: "pending",
      ...savedQueryColumns(request.saved, request),
      confirmAttempts: 0,
      ...consent,
    });
  }
  await sendConfirmation({ store, mailer: request.mailer, now, appUrl: request.appUrl, subscriberId: subscriber.id });
}
