// The digest area on PostgreSQL. Deliveries are claimed a page at a time (pending → claimed) by one UPDATE
// over rows picked `FOR UPDATE SKIP LOCKED`: two instances claiming at once take disjoint pages instead of
// queueing on the same rows, and each reader's delivery has one sender however many instances run the day.
// The hot statements (claim, mark sending, record sent) are prepared statements on the store's pool.
import type { DigestStore, DueDelivery } from "@/server/store/digest";
import {
  countByStatus,
  expireSendingClaims,
  finishRun,
  findRun,
  releaseClaims,
  releaseStaleClaims,
  supersedeEarlierRuns,
} from "@/server/store/sqlite/digest/digest-run-store";
import type { DueRow } from "@/server/store/sqlite/digest/delivery-sql";
import { countDue } from "@/server/store/sqlite/digest/due-deliveries";
import { DUE_ON_WEEKDAY_SQL, dueOnWeekday, RECIPIENT_SELECT } from "@/server/store/sqlite/digest/reader-cadence";
import { archivedEdition, recentEditions } from "@/server/store/sqlite/digest/edition-history";
import { poolOf, type PgDb } from "@/server/store/postgres/pg-client";
import { modelApi } from "@/server/store/postgres/model-api";
import { fromPgTimestamp, pgTimestamp } from "@/server/store/postgres/sql-values";

const ACTIVE = `(s."status" = 'active' AND s."suppressedAt" IS NULL)`;
/** An instant as text PostgreSQL writes and fromPgTimestamp reads back as UTC, whatever the client's zone. */
const ISO = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The page: due deliveries by id, locked as they are picked and skipping rows another instance is claiming
 * (MATERIALIZED: picked once, whatever the plan). Each becomes "claimed" for this token, or "skipped" when its
 * reader left since queueing; RETURNING gives what composing needs.
 */
const CLAIM_PAGE = `
  WITH picked AS MATERIALIZED (
    SELECT "id" FROM "Delivery"
    WHERE "runId" = $1 AND "status" = 'pending' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= $2::timestamp(3))
    ORDER BY "id" LIMIT $3 FOR UPDATE SKIP LOCKED
  )
  UPDATE "Delivery" AS d SET
    "status" = CASE WHEN ${ACTIVE} THEN 'claimed' ELSE 'skipped' END,
    "lastError" = CASE WHEN ${ACTIVE} THEN d."lastError" ELSE 'Subscriber no longer active.' END,
    "claimedAt" = CASE WHEN ${ACTIVE} THEN $4::timestamp(3) ELSE d."claimedAt" END,
    "claimToken" = CASE WHEN ${ACTIVE} THEN $5 ELSE d."claimToken" END
  FROM picked, "Subscriber" AS s
  WHERE d."id" = picked."id" AND s."id" = d."subscriberId" AND d."status" = 'pending'
  RETURNING d."id", d."attempts", d."status", s."id" AS "subscriberId", s."email", s."topics", s."query", s."authors",
    s."cadence", ${ISO('s."lastDigestAt"')} AS "lastDigestAt", s."manageTokenHash"`;

/** The SQLite twin's row (delivery-sql.ts), with the new status instead of the reader's state. */
type ClaimedRow = Omit<DueRow, "active" | "lastDigestAt"> & { status: string; lastDigestAt: string | null };

function toDueDelivery(row: ClaimedRow): DueDelivery {
  const { id, attempts, subscriberId, lastDigestAt, ...reader } = row;
  const { status: _status, ...recipient } = reader;
  return { id, attempts, subscriber: { id: subscriberId, ...recipient, lastDigestAt: fromPgTimestamp(lastDigestAt) } };
}

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
    releaseStaleClaims: (claimedBefore) => releaseStaleClaims(shared, claimedBefore),
    releaseClaims: (token) => releaseClaims(shared, token),
    supersedeEarlierRuns: (date) => supersedeEarlierRuns(shared, date),
    finishRun: (runId, now) => finishRun(shared, runId, now),
    countByStatus: (runId) => countByStatus(shared, runId),
    countDue: (runId, now) => countDue(shared, runId, now),
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
    async claimPage(claim) {
      const { rows } = await poolOf(db).query<ClaimedRow>({
        name: "claim-page",
        text: CLAIM_PAGE,
        values: [claim.runId, pgTimestamp(claim.dueBy), claim.limit, pgTimestamp(claim.at), claim.token],
      });
      const claimed = rows.filter((row) => row.status === "claimed").sort((a, b) => a.id - b.id);
      return { deliveries: claimed.map(toDueDelivery), skipped: rows.length - claimed.length };
    },
    async markSending(deliveryIds, token, at) {
      const { rows } = await poolOf(db).query<{ id: number }>({
        name: "mark-sending",
        text: `UPDATE "Delivery" SET "status" = 'sending', "claimedAt" = $3::timestamp(3), "attempts" = "attempts" + 1
         WHERE "id" = ANY($1::int[]) AND "status" = 'claimed' AND "claimToken" = $2 RETURNING "id"`,
        values: [deliveryIds, token, pgTimestamp(at)],
      });
      return rows.map((row) => row.id);
    },
    recordNothingToSend: async (deliveryId) =>
      void (await db.delivery.update({
        where: { id: deliveryId },
        data: { status: "skipped", lastError: "Nothing new since the last digest.", attempts: { decrement: 1 } },
      })),
    // One prepared statement (its own transaction) on the pool for a batch of sends: the papers sent, the
    // readers' windows and the deliveries. Three Prisma calls in a transaction per send took five round trips
    // and ~5 of the ~10 ms of CPU a mail cost (bench:digest on PostgreSQL, docs/benchmarks.md).
    recordSent: async (records) =>
      void (await poolOf(db).query({
        name: "record-sent",
        text: `WITH sent AS (
           SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::timestamp(3)[], $6::timestamp(3)[])
             AS r("deliveryId", "subscriberId", "messageId", "paperIds", "sentAt", "windowEnd")
         ), papers AS (
           INSERT INTO "SentPaper" ("subscriberId", "paperId", "sentAt")
           SELECT sent."subscriberId", paper.id::int, sent."sentAt" FROM sent, jsonb_array_elements_text(sent."paperIds"::jsonb) AS paper(id)
           ON CONFLICT DO NOTHING
         ), readers AS (
           UPDATE "Subscriber" AS s SET "lastDigestAt" = sent."windowEnd" FROM sent WHERE s."id" = sent."subscriberId"
         )
         UPDATE "Delivery" AS d SET "status" = 'sent', "messageId" = sent."messageId", "sentAt" = sent."sentAt",
           "paperIds" = sent."paperIds", "lastError" = NULL, "nextAttemptAt" = NULL
         FROM sent WHERE d."id" = sent."deliveryId"`,
        values: [
          records.map((r) => r.deliveryId),
          records.map((r) => r.subscriberId),
          records.map((r) => r.messageId),
          records.map((r) => JSON.stringify(r.paperIds)),
          records.map((r) => pgTimestamp(r.sentAt)),
          records.map((r) => pgTimestamp(r.windowEnd)),
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
          claimToken: null,
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
