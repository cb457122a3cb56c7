// State changes of one delivery. Every change out of "pending" or "claimed" is a conditional update, so two
// runners (two cron calls, a cron and the CLI, two instances) can never both own, and send, the same delivery.
import { retryDelayMs } from "@/domain/digest/retry-backoff";
import type { MailSendError } from "@/server/platform/mail-types";
import type { DigestStore, SentRecord } from "@/server/store/digest";
import { writeBatcher, type WriteBatcher } from "./write-batcher";

type Deliveries = Pick<
  DigestStore,
  | "markSending"
  | "recordNothingToSend"
  | "recordSent"
  | "recordRetry"
  | "recordFailed"
  | "recordBounce"
  | "recordUnknown"
  | "releaseClaim"
>;

/**
 * claimed → sending just before a mail goes out, so a crash leaves "sending" (maybe sent: reported unknown)
 * only for mails that had begun, and "claimed" (never sent: pending again after the lease) for the rest. The
 * marks of concurrent sends go together in one statement; resolves false when this run no longer holds the claim.
 */
export function sendingMarks(
  digest: Deliveries,
  token: string,
  clock: () => Date,
): (deliveryId: number) => Promise<boolean> {
  const mark = writeBatcher(async (ids: number[]) => new Set(await digest.markSending(ids, token, clock())));
  return async (deliveryId) => (await mark(deliveryId)).has(deliveryId);
}

export function markNothingToSend(digest: Deliveries, deliveryId: number): Promise<void> {
  return digest.recordNothingToSend(deliveryId);
}

/**
 * Records sends in one transaction per batch: the SentPaper rows, the readers' next windows, and the deliveries
 * "sent". All or nothing: a crash before the commit leaves the deliveries "sending" and the readers' windows
 * unmoved, which the lease turns into a reported "unknown", never a resend. No sender waits for its record, so
 * records wait for the other senders' (up to `batch` of them, at most RECORD_WAIT_MS) and go in one statement;
 * `flush()` writes what is left, and a run ends only after it.
 */
export function sentRecords(digest: Deliveries, batch: number): WriteBatcher<SentRecord, void> {
  return writeBatcher((records: SentRecord[]) => digest.recordSent(records), {
    minBatch: batch,
    maxWaitMs: RECORD_WAIT_MS,
  });
}

/** How long a sent record waits for others; mails keep going out meanwhile. */
const RECORD_WAIT_MS = 20;

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
