// Sends (or re-sends) the confirmation mail for a pending subscriber with a fresh token, recording the outcome.
import { confirmationEmail } from "@/emails/confirmation";
import { catalogueLabels } from "@/domain/digest/digest-topics";
import { parseStoredTopics } from "@/domain/subscription/topics";
import type { Store } from "@/server/store/store";
import type { Mailer } from "@/server/platform/mail-types";
import { toMailSendError } from "@/server/platform/mailer";
import { CONFIRM_TTL_HOURS, createConfirmToken } from "./confirm-token";
import { confirmUrl } from "./links";

export interface SendConfirmationInput {
  store: Pick<Store, "subscribers" | "topics">;
  mailer: Mailer;
  now: Date;
  appUrl: string;
  subscriberId: number;
}

/** A confirmation being sent is claimed this long: far beyond one SMTP send, short enough to retry after a crash. */
export const CONFIRMATION_CLAIM_MS = 10 * 60_000;

/**
 * True when the mail went out. The send is claimed first, so of two processes (a subscribe request and the
 * retry job, or two servers' retry jobs) only one sends: a second mail would carry a new token and make the
 * first one's link invalid. The token is stored before sending, so a crash never leaves a live unstored link.
 */
export async function sendConfirmation({
  store,
  mailer,
  now,
  appUrl,
  subscriberId,
}: SendConfirmationInput): Promise<boolean> {
  const confirm = createConfirmToken(now);
  const subscriber = await store.subscribers.claimConfirmation(
    subscriberId,
    { hash: confirm.hash, expiresAt: confirm.expiresAt },
    now,
    CONFIRMATION_CLAIM_MS,
  );
  if (!subscriber) return false;
  const mail = confirmationEmail({
    confirmUrl: confirmUrl(confirm.token, appUrl),
    // Catalogue labels only: whoever typed this address may have typed any text as topics.
    topics: catalogueLabels(parseStoredTopics(subscriber.topics), await store.topics.catalogue()),
    expiresInHours: CONFIRM_TTL_HOURS,
    appUrl,
  });
  try {
    await mailer.send({ to: subscriber.email, ...mail });
  } catch (error) {
    const failure = toMailSendError(error);
    // A permanent refusal (no such mailbox) stops the retries; a temporary one leaves the mail pending.
    await store.subscribers.finishConfirmation(subscriberId, {
      pending: !failure.permanent,
      error: `${failure.permanent ? "permanent" : "temporary"}: ${failure.message}`,
    });
    return false;
  }
  await store.subscribers.finishConfirmation(subscriberId, { sentAt: now });
  return true;
}
