// The digest area of the SQLite store: run bookkeeping through Prisma, the per-delivery hot path on the
// direct connection (delivery-sql.ts).
import type { DigestStore } from "@/server/store/digest";
import type { Db } from "./prisma-client";
import {
  markSendingRows,
  recordBounce,
  recordFailed,
  recordNothingToSend,
  recordRetry,
  recordSentRows,
  recordUnknown,
  releaseClaim,
} from "./digest/delivery-sql";
import {
  countByStatus,
  enqueueDeliveries,
  ensureRun,
  expireSendingClaims,
  findRun,
  finishRun,
  releaseClaims,
  releaseStaleClaims,
  supersedeEarlierRuns,
} from "./digest/digest-run-store";
import { claimDuePage, countDue, sentPapersSince } from "./digest/due-deliveries";
import { archivedEdition, recentEditions } from "./digest/edition-history";
import { dueOnWeekday, RECIPIENT_SELECT } from "./digest/reader-cadence";

export function sqliteDigest(db: Db): DigestStore {
  return {
    ensureRun: (date, now) => ensureRun(db, date, now),
    findRun: (date) => findRun(db, date),
    enqueueDeliveries: (runId, weekday) => enqueueDeliveries(db, runId, weekday),
    expireSendingClaims: (claimedBefore) => expireSendingClaims(db, claimedBefore),
    releaseStaleClaims: (claimedBefore) => releaseStaleClaims(db, claimedBefore),
    releaseClaims: (token) => releaseClaims(db, token),
    supersedeEarlierRuns: (date) => supersedeEarlierRuns(db, date),
    finishRun: (runId, now) => finishRun(db, runId, now),
    countByStatus: (runId) => countByStatus(db, runId),
    countDue: (runId, now) => countDue(db, runId, now),
    deliveriesOf: (runId) =>
      db.delivery.findMany({
        where: { runId },
        select: { subscriberId: true, status: true, nextAttemptAt: true, claimedAt: true },
      }),
    activeReaders: (afterId, limit, weekday) =>
      db.subscriber.findMany({
        where: { status: "active", suppressedAt: null, id: { gt: afterId }, ...dueOnWeekday(weekday) },
        orderBy: { id: "asc" },
        take: limit,
        select: RECIPIENT_SELECT,
      }),
    sentPapersSince: (subscriberIds, since) => sentPapersSince(db, subscriberIds, since),
    claimPage: (claim) => claimDuePage(db, claim),
    markSending: (ids, token, at) => markSendingRows(db, ids, token, at),
    recordNothingToSend: (deliveryId) => recordNothingToSend(db, deliveryId),
    recordSent: (records) => recordSentRows(db, records),
    recordRetry: (deliveryId, message, nextAttemptAt) => recordRetry(db, deliveryId, message, nextAttemptAt),
    recordFailed: (deliveryId, message) => recordFailed(db, deliveryId, message),
    recordUnknown: (deliveryId, message) => recordUnknown(db, deliveryId, message),
    releaseClaim: (deliveryId, message) => releaseClaim(db, deliveryId, message),
    recordBounce: (delivery, message, at) => recordBounce(db, delivery, message, at),
    archivedEdition: (date, limit) => archivedEdition(db, date, limit),
    recentEditions: (limit) => recentEditions(db, limit),
  };
}
