// State changes of one delivery. Every change out of "pending" is a conditional update, so two runners
// (two cron calls, a cron and the CLI) can never both own, and send, the same delivery.
import { retryDelayMs } from "../../domain/digest/retry-backoff";
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db";
import { MailSendError } from "../mail-types";

export type ClaimResult = "claimed" | "taken" | "inactive";

/**
 * pending → sending, only while the subscriber is still active and unsuppressed. One conditional UPDATE:
 * SQLite runs it atomically, so of two runners only one sees a changed row. Raw SQL because this runs
 * once per subscriber and the ORM's per-query overhead dominated the benchmark.
 */
export async function claimDelivery(db: Db, deliveryId: number, at: Date): Promise<ClaimResult> {
  const claimed = await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'sending', "claimedAt" = ${at}, "attempts" = "attempts" + 1
    WHERE "id" = ${deliveryId} AND "status" = 'pending' AND EXISTS (
      SELECT 1 FROM "Subscriber" AS s WHERE s."id" = "Delivery"."subscriberId" AND s."status" = 'active' AND s."suppressedAt" IS NULL)`;
  if (claimed === 1) return "claimed";
  // Not claimable: either another runner has it, or the reader left since the run was queued.
  const dropped = await db.delivery.updateMany({
    where: { id: deliveryId, status: "pending" },
    data: { status: "skipped", lastError: "Subscriber no longer active." },
  });
  return dropped.count === 1 ? "inactive" : "taken";
}

export async function markNothingToSend(db: Db, deliveryId: number): Promise<void> {
  await db.delivery.update({
    where: { id: deliveryId },
    data: { status: "skipped", lastError: "Nothing new since the last digest.", attempts: { decrement: 1 } },
  });
}

export interface SentRecord {
  deliveryId: number;
  subscriberId: number;
  messageId: string;
  paperIds: readonly number[];
  sentAt: Date;
  /** Where the reader's next window starts: the candidate snapshot time of this run. */
  windowEnd: Date;
}

/**
 * Records a send: first what the reader received (SentPaper rows, their next window), then the delivery.
 * Three single statements, each atomic, in this order on purpose: a crash between them leaves the reader's
 * state true and the delivery "sending", which the lease turns into a reported "unknown", never a resend.
 * No wrapping transaction: on one shared connection it would serialise every worker behind it.
 */
export async function markSent(db: Db, record: SentRecord): Promise<void> {
  const rows = record.paperIds.map((paperId) => Prisma.sql`(${record.subscriberId}, ${paperId}, ${record.sentAt})`);
  // OR IGNORE: another edition may have raced us to the same paper; the first record stays.
  await db.$executeRaw`INSERT OR IGNORE INTO "SentPaper" ("subscriberId", "paperId", "sentAt") VALUES ${Prisma.join(rows)}`;
  await db.$executeRaw`UPDATE "Subscriber" SET "lastDigestAt" = ${record.windowEnd} WHERE "id" = ${record.subscriberId}`;
  await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'sent', "messageId" = ${record.messageId}, "sentAt" = ${record.sentAt},
      "paperIds" = ${JSON.stringify(record.paperIds)}, "lastError" = NULL, "nextAttemptAt" = NULL
    WHERE "id" = ${record.deliveryId}`;
}

export type FailureOutcome = "retry" | "failed" | "suppressed";

/** Temporary failures go back to pending with a backoff until the attempts run out; 5xx suppresses the address. */
export async function markFailed(
  db: Db,
  delivery: { id: number; subscriberId: number; attempts: number },
  error: unknown,
  at: Date,
  maxAttempts: number,
): Promise<FailureOutcome> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const permanent = error instanceof MailSendError && error.permanent;
  if (permanent) {
    await db.$transaction([
      db.delivery.update({ where: { id: delivery.id }, data: { status: "failed", lastError: message } }),
      db.subscriber.update({ where: { id: delivery.subscriberId }, data: { suppressedAt: at, suppressReason: `Hard bounce: ${message}` } }),
    ]);
    return "suppressed";
  }
  if (delivery.attempts >= maxAttempts) {
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "failed", lastError: message, nextAttemptAt: null } });
    return "failed";
  }
  await db.delivery.update({
    where: { id: delivery.id },
    data: { status: "pending", lastError: message, nextAttemptAt: new Date(at.getTime() + retryDelayMs(delivery.attempts)) },
  });
  return "retry";
}
