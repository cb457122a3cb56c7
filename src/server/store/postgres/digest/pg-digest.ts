// The digest area on PostgreSQL. Deliveries are claimed by one conditional UPDATE (pending → sending):
// under READ COMMITTED a second instance's UPDATE waits for the first, re-checks the WHERE on the new row
// version and changes nothing, so each reader's delivery has one sender however many instances run the day.
import type { ClaimOutcome, DigestStore } from "@/server/store/digest";
import {
  countByStatus,
  expireSendingClaims,
  finishRun,
  findRun,
  supersedeEarlierRuns,
} from "@/server/store/sqlite/digest/digest-run-store";
import { countDue } from "@/server/store/sqlite/digest/due-deliveries";
import { DUE_ON_WEEKDAY_SQL, dueOnWeekday, RECIPIENT_SELECT } from "@/server/store/sqlite/digest/reader-cadence";
import { archivedEdition, recentEditions } from "@/server/store/sqlite/digest/edition-history";
import { poolOf, type PgDb } from "@/server/store/postgres/pg-client";
import { modelApi } from "@/server/store/postgres/model-api";
import { pgTimestamp } from "@/server/store/postgres/sql-values";

const ACTIVE = `EXISTS (SELECT 1 FROM "Subscriber" s WHERE s."id" = "Delivery"."subscriberId" AND s."status" = 'active' AND s."suppressedAt" IS NULL)`;

export function pgDigest(db: PgDb): DigestStore {
  const shared = modelApi(db);
  return {
    async ensureRun(date, now) {
      await db.$executeRaw`INSERT INTO "DigestRun" ("date", "startedAt") VALUES (${date}, ${now}) ON CONFLICT ("date") DO NOTHING`;
      return db.digestRun.findUniqueOrThrow({ where: { date }, select: { id: true, date: true } });
    },
    findRun: (date) => findRun(shared, date),
    enqueueDeliveries: (runId, weekday) =>
      db.$executeRawUnsafe(
        `INSERT INTO "Delivery" ("runId", "subscriberId", "status")
         SELECT $1, "id", 'pending' FROM "Subscriber" WHERE "status" = 'active' AND "suppressedAt" IS NULL
           AND ${DUE_ON_WEEKDAY_SQL.replace("?", "$2")}
         ON CONFLICT ("runId", "subscriberId") DO NOTHING`,
        runId,
        weekday,
      ),
    expireSendingClaims: (claimedBefore) => expireSendingClaims(shared, claimedBefore),
    supersedeEarlierRuns: (date) => supersedeEarlierRuns(shared, date),
    finishRun: (runId, now) => finishRun(shared, runId, now),
    countByStatus: (runId) => countByStatus(shared, runId),
    countDue: (runId, now) => countDue(shared, runId, now),
    async duePage(runId, now, afterId, limit) {
      const rows = await db.delivery.findMany({
        where: {
          runId,
          status: "pending",
          id: { gt: afterId },
          OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
        },
        orderBy: { id: "asc" },
        take: limit,
        select: {
          id: true,
          attempts: true,
          subscriber: { select: RECIPIENT_SELECT },
        },
      });
      return rows;
    },
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
    async sentPapersSince(subscriberIds, since) {
      const rows = await db.sentPaper.findMany({
        where: { subscriberId: { in: [...subscriberIds] }, sentAt: { gte: since } },
        select: { subscriberId: true, paperId: true },
      });
      const bySubscriber = new Map<number, Set<number>>();
      for (const row of rows)
        bySubscriber.set(row.subscriberId, (bySubscriber.get(row.subscriberId) ?? new Set()).add(row.paperId));
      return bySubscriber;
    },
    async claimDelivery(deliveryId, at): Promise<ClaimOutcome> {
      const { rowCount: claimed } = await poolOf(db).query({
        name: "claim-delivery",
        text: `UPDATE "Delivery" SET "status" = 'sending', "claimedAt" = $1::timestamp(3), "attempts" = "attempts" + 1
         WHERE "id" = $2 AND "status" = 'pending' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= $1::timestamp(3)) AND ${ACTIVE}`,
        values: [pgTimestamp(at), deliveryId],
      });
      if (claimed === 1) return "claimed";
      // Not claimed: the reader left (skip the delivery) or another instance has it (often, with two).
      const { rowCount: dropped } = await poolOf(db).query({
        name: "drop-delivery",
        text: `UPDATE "Delivery" SET "status" = 'skipped', "lastError" = 'Subscriber no longer active.' WHERE "id" = $1 AND "status" = 'pending' AND NOT ${ACTIVE}`,
        values: [deliveryId],
      });
      return dropped === 1 ? "inactive" : "taken";
    },
    recordNothingToSend: async (deliveryId) =>
      void (await db.delivery.update({
        where: { id: deliveryId },
        data: { status: "skipped", lastError: "Nothing new since the last digest.", attempts: { decrement: 1 } },
      })),
    // One prepared statement (its own transaction) on the pool: the papers sent, the reader's window and the
    // delivery. As three Prisma calls in a transaction it took five round trips and ~5 of the ~10 ms of CPU
    // a mail cost (bench:digest on PostgreSQL, docs/benchmarks.md).
    recordSent: async (row) =>
      void (await poolOf(db).query({
        name: "record-sent",
        text: `WITH papers AS (
           INSERT INTO "SentPaper" ("subscriberId", "paperId", "sentAt")
           SELECT $1, unnest($2::int[]), $3::timestamp(3) ON CONFLICT DO NOTHING
         ), reader AS (
           UPDATE "Subscriber" SET "lastDigestAt" = $4::timestamp(3) WHERE "id" = $1
         )
         UPDATE "Delivery" SET "status" = 'sent', "messageId" = $5, "sentAt" = $3::timestamp(3), "paperIds" = $6,
           "lastError" = NULL, "nextAttemptAt" = NULL
         WHERE "id" = $7`,
        values: [
          row.subscriberId,
          row.paperIds,
          pgTimestamp(row.sentAt),
          pgTimestamp(row.windowEnd),
          row.messageId,
          JSON.stringify(row.paperIds),
          row.deliveryId,
        ],
      })),
    recordRetry: async (deliveryId, message, nextAttemptAt) =>
      void (await db.delivery.update({
        where: { id: deliveryId },
        data: { status: "pending", lastError: message, nextAttemptAt },
      })),
    recordFailed: async (deliveryId, message) =>
      void (await db.delivery.update({
        where: { id: deliveryId },
        data: { status: "failed", lastError: message, nextAttemptAt: null },
      })),
    recordUnknown: async (deliveryId, message) =>
      void (await db.delivery.updateMany({
        where: { id: deliveryId, status: "sending" },
        data: { status: "unknown", lastError: message, nextAttemptAt: null },
      })),
    releaseClaim: async (deliveryId, message) =>
      void (await db.delivery.updateMany({
        where: { id: deliveryId, status: "sending" },
        data: {
          status: "pending",
          lastError: message,
          attempts: { decrement: 1 },
          claimedAt: null,
          nextAttemptAt: null,
        },
      })),
    recordBounce: async (delivery, message, at) => {
      await db.$transaction([
        db.delivery.update({
          where: { id: delivery.id },
          data: { status: "failed", lastError: message, nextAttemptAt: null },
        }),
        db.subscriber.update({
          where: { id: delivery.subscriberId },
          data: { suppressedAt: at, suppressReason: `Hard bounce: ${message}` },
        }),
      ]);
    },
    archivedEdition: (date, limit) => archivedEdition(shared, date, limit),
    recentEditions: (limit) => recentEditions(shared, limit),
  };
}
