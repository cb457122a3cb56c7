// Sends (or re-sends) the confirmation mail for a pending subscriber with a fresh token, recording the outcome.
import { confirmationEmail } from "@/emails/confirmation";
import { catalogueLabels } from "@/domain/digest/digest-topics";
import { parseStoredTopics } from "@/domain/subscription/topics";
import type { Store } from "@/server/store/store";
import type { Mailer } from "@/server/platform/mail-types";
import { classifySmtpError } from "@/server/platform/smtp-faults";
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
 * "sent" when the mail went out; "fault" when the mail system failed (sender refused, connection lost): the
 * mail stays pending, the attempt not counted, and a batch should stop there; "not-sent" otherwise. The send is claimed first, so of two processes (a subscribe request and the
 * retry job, or two servers' retry jobs) only one sends: a second mail would carry a new token and make the
 * first one's link invalid. The token is stored before sending, so a crash never leaves a live unstored link.
 */
export async function sendConfirmation({
  store,
  mailer,
  now,
  appUrl,
  subscriberId,
}: SendConfirmationInput): Promise<"sent" | "not-sent" | "fault"> {
  const confirm = createConfirmToken(now);
  const subscriber = await store.subscribers.claimConfirmation(
    subscriberId,
    { hash: confirm.hash, expiresAt: confirm.expiresAt },
    now,
    CONFIRMATION_CLAIM_MS,
  );
  if (!subscriber) return "not-sent";
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
    const failure = classifySmtpError(error, false);
    // The mailbox refused for good: no more retries. It may have arrived ("unknown"): not sent again, since a
    // second mail would carry a new token and void the first link. The mailbox for now, or the mail system:
    // pending for the retry job; a fault of the mail system is nobody's attempt.
    const [pending, label] = {
      recipient: [false, "permanent"],
      unknown: [false, "unknown"],
      "recipient-later": [true, "temporary"],
      run: [true, "temporary"],
    }[failure.fault] as [boolean, string];
    await store.subscribers.finishConfirmation(subscriberId, {
      pending,
      error: `${label}: ${failure.message}`,
      refundAttempt: failure.fault === "run",
    });
    return failure.fault === "run" ? "fault" : "not-sent";
  }
  await store.subscribers.finishConfirmation(subscriberId, { sentAt: now });
  return "sent";
}
