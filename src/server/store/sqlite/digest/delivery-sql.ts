// The digest's hot-path SQL: prepared statements on the direct SQLite connection (sqlite-direct.ts), about
// 10 µs each where a Prisma statement costs ~0.5 ms. SQLite-specific by design; nothing else writes SQL here.
import type { ClaimOutcome, SentRecord } from "@/server/store/digest";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { sqliteOf, type Sqlite } from "@/server/store/sqlite/direct-connection";
import { withoutBusyWait } from "@/server/store/sqlite/busy-wait";
import { storedDateTime } from "@/server/store/sqlite/date-encoding";

export interface DueRow {
  id: number;
  attempts: number;
  subscriberId: number;
  email: string;
  topics: string;
  query: string;
  authors: string;
  cadence: string;
  lastDigestAt: string | number | null;
  manageTokenHash: string;
}

function prepare(sqlite: Sqlite) {
  return {
    // pending → sending in one statement: of two runners (two processes even) only one sees a change.
    claim: sqlite.prepare(`
      UPDATE "Delivery" SET "status" = 'sending', "claimedAt" = ?, "attempts" = "attempts" + 1
      WHERE "id" = ? AND "status" = 'pending' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ?)
        AND EXISTS (SELECT 1 FROM "Subscriber" AS s WHERE s."id" = "Delivery"."subscriberId" AND s."status" = 'active' AND s."suppressedAt" IS NULL)`),
    dropInactive: sqlite.prepare(`
      UPDATE "Delivery" SET "status" = 'skipped', "lastError" = 'Subscriber no longer active.'
      WHERE "id" = ? AND "status" = 'pending'
        AND NOT EXISTS (SELECT 1 FROM "Subscriber" AS s WHERE s."id" = "Delivery"."subscriberId" AND s."status" = 'active' AND s."suppressedAt" IS NULL)`),
    nothingToSend: sqlite.prepare(`
      UPDATE "Delivery" SET "status" = 'skipped', "lastError" = 'Nothing new since the last digest.', "attempts" = "attempts" - 1 WHERE "id" = ?`),
    // OR IGNORE: another edition may have raced us to the same paper; the first record stays.
    sentPaper: sqlite.prepare(
      `INSERT OR IGNORE INTO "SentPaper" ("subscriberId", "paperId", "sentAt") VALUES (?, ?, ?)`,
    ),
    lastDigestAt: sqlite.prepare(`UPDATE "Subscriber" SET "lastDigestAt" = ? WHERE "id" = ?`),
    sent: sqlite.prepare(`
      UPDATE "Delivery" SET "status" = 'sent', "messageId" = ?, "sentAt" = ?, "paperIds" = ?, "lastError" = NULL, "nextAttemptAt" = NULL
      WHERE "id" = ?`),
    retry: sqlite.prepare(
      `UPDATE "Delivery" SET "status" = 'pending', "lastError" = ?, "nextAttemptAt" = ? WHERE "id" = ?`,
    ),
    failed: sqlite.prepare(
      `UPDATE "Delivery" SET "status" = 'failed', "lastError" = ?, "nextAttemptAt" = NULL WHERE "id" = ?`,
    ),
    unknown: sqlite.prepare(
      `UPDATE "Delivery" SET "status" = 'unknown', "lastError" = ?, "nextAttemptAt" = NULL WHERE "id" = ? AND "status" = 'sending'`,
    ),
    release: sqlite.prepare(`
      UPDATE "Delivery" SET "status" = 'pending', "lastError" = ?, "attempts" = "attempts" - 1, "claimedAt" = NULL, "nextAttemptAt" = NULL
      WHERE "id" = ? AND "status" = 'sending'`),
    suppress: sqlite.prepare(`UPDATE "Subscriber" SET "suppressedAt" = ?, "suppressReason" = ? WHERE "id" = ?`),
    duePage: sqlite.prepare(`
      SELECT d."id", d."attempts", s."id" AS "subscriberId", s."email", s."topics", s."query", s."authors", s."cadence", s."lastDigestAt", s."manageTokenHash"
      FROM "Delivery" AS d JOIN "Subscriber" AS s ON s."id" = d."subscriberId"
      WHERE d."runId" = ? AND d."status" = 'pending' AND (d."nextAttemptAt" IS NULL OR d."nextAttemptAt" <= ?) AND d."id" > ?
      ORDER BY d."id" LIMIT ?`),
    sentPapers: sqlite.prepare(`
      SELECT "subscriberId", "paperId" FROM "SentPaper"
      WHERE "subscriberId" IN (SELECT "value" FROM json_each(?)) AND "sentAt" >= ?`),
  };
}

/** The multi-statement writes, each one synchronous transaction: all or nothing, never open across an await. */
function transactions(sqlite: Sqlite, sql: ReturnType<typeof prepare>) {
  return {
    recordSent: sqlite.transaction((row: SentRecord) => {
      const sentAt = storedDateTime(row.sentAt);
      for (const paperId of row.paperIds) sql.sentPaper.run(row.subscriberId, paperId, sentAt);
      sql.lastDigestAt.run(storedDateTime(row.windowEnd), row.subscriberId);
      sql.sent.run(row.messageId, sentAt, JSON.stringify(row.paperIds), row.deliveryId);
    }),
    recordBounce: sqlite.transaction((delivery: { id: number; subscriberId: number }, message: string, at: Date) => {
      sql.failed.run(message, delivery.id);
      sql.suppress.run(storedDateTime(at), `Hard bounce: ${message}`, delivery.subscriberId);
    }),
  };
}

type Statements = ReturnType<typeof prepare> & { tx: ReturnType<typeof transactions> };
// Keyed by connection: a closed and reopened connection gets fresh statements.
const statementsOf = new WeakMap<Sqlite, Statements>();

function connect(db: Db): { sqlite: Sqlite; sql: Statements } {
  const sqlite = sqliteOf(db);
  let sql = statementsOf.get(sqlite);
  if (!sql) {
    const prepared = prepare(sqlite);
    statementsOf.set(sqlite, (sql = { ...prepared, tx: transactions(sqlite, prepared) }));
  }
  return { sqlite, sql };
}

export function claimDeliveryRow(db: Db, deliveryId: number, at: Date): Promise<ClaimOutcome> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => {
    if (sql.claim.run(storedDateTime(at), deliveryId, storedDateTime(at)).changes === 1) return "claimed";
    // Not claimable: another runner has it, its retry time has not come, or the reader left since queueing.
    return sql.dropInactive.run(deliveryId).changes === 1 ? "inactive" : "taken";
  });
}

export function recordNothingToSend(db: Db, deliveryId: number): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => void sql.nothingToSend.run(deliveryId));
}

/** What the reader received, their next window and the delivery, in one transaction: all or nothing. */
export function recordSentRow(db: Db, row: SentRecord): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => sql.tx.recordSent.immediate(row));
}

export function recordRetry(db: Db, deliveryId: number, message: string, nextAttemptAt: Date): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => void sql.retry.run(message, storedDateTime(nextAttemptAt), deliveryId));
}

export function recordFailed(db: Db, deliveryId: number, message: string): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => void sql.failed.run(message, deliveryId));
}

export function recordUnknown(db: Db, deliveryId: number, message: string): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => void sql.unknown.run(message, deliveryId));
}

export function releaseClaim(db: Db, deliveryId: number, message: string): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => void sql.release.run(message, deliveryId));
}

/** A hard bounce: the delivery fails and the address is suppressed, together. */
export function recordBounce(
  db: Db,
  delivery: { id: number; subscriberId: number },
  message: string,
  at: Date,
): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => sql.tx.recordBounce.immediate(delivery, message, at));
}

export function dueRows(db: Db, runId: number, now: Date, afterId: number, limit: number): Promise<DueRow[]> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => sql.duePage.all(runId, storedDateTime(now), afterId, limit) as DueRow[]);
}

export function sentPaperRows(
  db: Db,
  subscriberIds: readonly number[],
  since: Date,
): Promise<{ subscriberId: number; paperId: number }[]> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(
    sqlite,
    () =>
      sql.sentPapers.all(JSON.stringify(subscriberIds), storedDateTime(since)) as {
        subscriberId: number;
        paperId: number;
      }[],
  );
}
