// State changes of one delivery. Every change out of "pending" is a conditional update, so two runners
// (two cron calls, a cron and the CLI) can never both own, and send, the same delivery.
import { retryDelayMs } from "@/domain/digest/retry-backoff";
import type { MailSendError } from "@/server/platform/mail-types";
import type { ClaimOutcome, DigestStore, SentRecord } from "@/server/store/digest";

type Deliveries = Pick<
  DigestStore,
  | "claimDelivery"
  | "recordNothingToSend"
  | "recordSent"
  | "recordRetry"
  | "recordFailed"
  | "recordBounce"
  | "recordUnknown"
  | "releaseClaim"
>;

/**
 * pending → sending, only while the subscriber is still active and unsuppressed and the retry time has
 * come. One conditional UPDATE: SQLite runs it atomically, so of two runners only one sees a changed row.
 * A pending delivery whose reader left since the run was queued is skipped instead ("inactive").
 */
export function claimDelivery(digest: Deliveries, deliveryId: number, at: Date): Promise<ClaimOutcome> {
  return digest.claimDelivery(deliveryId, at);
}

export function markNothingToSend(digest: Deliveries, deliveryId: number): Promise<void> {
  return digest.recordNothingToSend(deliveryId);
}

/**
 * Records a send in one transaction: the SentPaper rows, the reader's next window, and the delivery "sent".
 * All or nothing: a crash before the commit leaves the delivery "sending" and the reader's window unmoved,
 * which the lease turns into a reported "unknown", never a resend. The transaction is synchronous on the
 * direct connection, so it never holds the lock across an await and does not serialise the other workers.
 */
export function markSent(digest: Deliveries, record: SentRecord): Promise<void> {
  return digest.recordSent(record);
}

export type FailureOutcome = "retry" | "failed" | "suppressed" | "unknown" | "fault";

/**
 * What a failed send does to the delivery (docs/digest.md, "Failures"):
 * - the reader's mailbox refused for good: failed, and the address suppressed;
 * - the reader's mailbox, for now (or composing failed): back to pending with a backoff, failed after the attempts;
 * - sent but unanswered: "unknown", never sent again;
 * - a fault of the run (sender, relay, connection, DATA): back to pending as if never claimed, the attempt not
 *   counted; the caller stops the run.
 */
export async function markFailed(
  digest: Deliveries,
  delivery: { id: number; subscriberId: number; attempts: number },
  failure: MailSendError,
  at: Date,
  maxAttempts: number,
): Promise<FailureOutcome> {
  const message = failure.message.slice(0, 500);
  switch (failure.fault) {
    case "recipient":
      await digest.recordBounce(delivery, message, at);
      return "suppressed";
    case "unknown":
      await digest.recordUnknown(delivery.id, `No reply after the message was sent; it may have arrived: ${message}`);
      return "unknown";
    case "run":
      await digest.releaseClaim(delivery.id, message);
      return "fault";
    case "recipient-later":
      break;
  }
  if (delivery.attempts >= maxAttempts) {
    await digest.recordFailed(delivery.id, message);
    return "failed";
  }
  await digest.recordRetry(delivery.id, message, new Date(at.getTime() + retryDelayMs(delivery.attempts)));
  return "retry";
}
