// Reads the run's due deliveries a page at a time, with what composing needs, in two queries per page
// (direct SQL: delivery-sql.ts).
import type { Db } from "@/server/store/sqlite/prisma-client";
import type { DueDelivery } from "@/server/store/digest";
import { dueRows, sentPaperRows } from "./delivery-sql";

export function countDue(db: Db, runId: number, now: Date): Promise<number> {
  return db.delivery.count({
    where: { runId, status: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
  });
}

export async function loadDuePage(
  db: Db,
  runId: number,
  now: Date,
  afterId: number,
  limit: number,
): Promise<DueDelivery[]> {
  const rows = await dueRows(db, runId, now, afterId, limit);
  return rows.map((row) => ({
    id: row.id,
    attempts: row.attempts,
    subscriber: {
      id: row.subscriberId,
      email: row.email,
      topics: row.topics,
      query: row.query,
      authors: row.authors,
      cadence: row.cadence,
      lastDigestAt: row.lastDigestAt === null ? null : new Date(row.lastDigestAt),
      manageTokenHash: row.manageTokenHash,
    },
  }));
}

/** Papers sent to these readers since `since`, by reader. */
export async function sentPapersSince(
  db: Db,
  subscriberIds: readonly number[],
  since: Date,
): Promise<Map<number, Set<number>>> {
  const rows = await sentPaperRows(db, subscriberIds, since);
  const bySubscriber = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = bySubscriber.get(row.subscriberId) ?? new Set<number>();
    set.add(row.paperId);
    bySubscriber.set(row.subscriberId, set);
  }
  return bySubscriber;
}
