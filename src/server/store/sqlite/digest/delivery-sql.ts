// The digest's hot-path SQL: prepared statements on the direct SQLite connection (sqlite-direct.ts), about
// 10 µs each where a Prisma statement costs ~0.5 ms. SQLite-specific by design; nothing else writes SQL here.
import type { PageClaim, SentRecord } from "@/server/store/digest";
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
  /** 1 when the reader is still active and unsuppressed. */
  active: number;
}

function prepare(sqlite: Sqlite) {
  return {
    // The page to claim, with each reader's state: read and claimed in one immediate transaction, so of two
    // runners (two processes even) only one claims a delivery.
    claimable: sqlite.prepare(`
      SELECT d."id", d."attempts", s."id" AS "subscriberId", s."email", s."topics", s."query", s."authors", s."cadence", s."lastDigestAt", s."manageTokenHash",
        (s."status" = 'active' AND s."suppressedAt" IS NULL) AS "active"
      FROM "Delivery" AS d JOIN "Subscriber" AS s ON s."id" = d."subscriberId"
      WHERE d."runId" = ? AND d."status" = 'pending' AND (d."nextAttemptAt" IS NULL OR d."nextAttemptAt" <= ?)
      ORDER BY d."id" LIMIT ?`),
    claim: sqlite.prepare(
      `UPDATE "Delivery" SET "status" = 'claimed', "claimedAt" = ?, "claimToken" = ? WHERE "id" = ? AND "status" = 'pending'`,
    ),
    dropInactive: sqlite.prepare(
      `UPDATE "Delivery" SET "status" = 'skipped', "lastError" = 'Subscriber no longer active.' WHERE "id" = ? AND "status" = 'pending'`,
    ),
    // claimed → sending just before the mail goes out, only by the caller that claimed it.
    sending: sqlite.prepare(`
      UPDATE "Delivery" SET "status" = 'sending', "claimedAt" = ?, "attempts" = "attempts" + 1
      WHERE "id" = ? AND "status" = 'claimed' AND "claimToken" = ?`),
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
      UPDATE "Delivery" SET "status" = 'pending', "lastError" = ?, "attempts" = "attempts" - 1, "claimedAt" = NULL, "claimToken" = NULL, "nextAttemptAt" = NULL
      WHERE "id" = ? AND "status" = 'sending'`),
    suppress: sqlite.prepare(`UPDATE "Subscriber" SET "suppressedAt" = ?, "suppressReason" = ? WHERE "id" = ?`),
    sentPapers: sqlite.prepare(`
      SELECT "subscriberId", "paperId" FROM "SentPaper"
      WHERE "subscriberId" IN (SELECT "value" FROM json_each(?)) AND "sentAt" >= ?`),
  };
}

/** The multi-statement writes, each one synchronous transaction: all or nothing, never open across an await. */
function transactions(sqlite: Sqlite, sql: ReturnType<typeof prepare>) {
  return {
    claimPage: sqlite.transaction((claim: PageClaim): DueRow[] => {
      const rows = sql.claimable.all(claim.runId, storedDateTime(claim.dueBy), claim.limit) as DueRow[];
      const at = storedDateTime(claim.at);
      for (const row of rows) {
        if (row.active) sql.claim.run(at, claim.token, row.id);
        else sql.dropInactive.run(row.id);
      }
      return rows;
    }),
    markSending: sqlite.transaction((ids: readonly number[], token: string, at: Date): number[] => {
      const stamp = storedDateTime(at);
      return ids.filter((id) => sql.sending.run(stamp, id, token).changes === 1);
    }),
    recordSent: sqlite.transaction((records: readonly SentRecord[]) => {
      for (const row of records) {
        const sentAt = storedDateTime(row.sentAt);
        for (const paperId of row.paperIds) sql.sentPaper.run(row.subscriberId, paperId, sentAt);
        sql.lastDigestAt.run(storedDateTime(row.windowEnd), row.subscriberId);
        sql.sent.run(row.messageId, sentAt, JSON.stringify(row.paperIds), row.deliveryId);
      }
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

/** pending → claimed for a page of due deliveries, or skipped where the reader left; the page's rows, by id. */
export function claimDueRows(db: Db, claim: PageClaim): Promise<DueRow[]> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => sql.tx.claimPage.immediate(claim));
}

export function markSendingRows(db: Db, ids: readonly number[], token: string, at: Date): Promise<number[]> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => sql.tx.markSending.immediate(ids, token, at));
}

export function recordNothingToSend(db: Db, deliveryId: number): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => void sql.nothingToSend.run(deliveryId));
}

/** What the readers received, their next windows and the deliveries, in one transaction: all or nothing. */
export function recordSentRows(db: Db, records: readonly SentRecord[]): Promise<void> {
  const { sqlite, sql } = connect(db);
  return withoutBusyWait(sqlite, () => sql.tx.recordSent.immediate(records));
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
