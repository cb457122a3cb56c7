// Reads the run's due deliveries a page at a time, with what composing needs, in two queries per page
// (direct SQL: delivery-sql.ts).
import { earliestWindowStart } from "@/domain/digest/digest-window";
import type { Db } from "@/server/db";
import type { DueDelivery } from "./deliver-one";
import { dueRows, sentPaperRows } from "./delivery-sql";

export const PAGE_SIZE = 250;

export function countDue(db: Db, runId: number, now: Date): Promise<number> {
  return db.delivery.count({
    where: { runId, status: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
  });
}

export async function loadDuePage(db: Db, runId: number, now: Date, afterId: number): Promise<DueDelivery[]> {
  const rows = await dueRows(db, runId, now, afterId, PAGE_SIZE);
  return rows.map((row) => ({
    id: row.id,
    attempts: row.attempts,
    subscriber: {
      id: row.subscriberId,
      email: row.email,
      topics: row.topics,
      lastDigestAt: row.lastDigestAt === null ? null : new Date(row.lastDigestAt),
      manageTokenHash: row.manageTokenHash,
    },
  }));
}

/**
 * Papers already sent to these readers that could still be in a window. Anything sent before the widest
 * window opened cannot be a candidate (a paper is sent only after it was first seen), so older rows are skipped.
 */
export async function sentPapersOf(
  db: Db,
  subscriberIds: readonly number[],
  now: Date,
): Promise<Map<number, Set<number>>> {
  const rows = await sentPaperRows(db, subscriberIds, earliestWindowStart(now));
  const bySubscriber = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = bySubscriber.get(row.subscriberId) ?? new Set<number>();
    set.add(row.paperId);
    bySubscriber.set(row.subscriberId, set);
  }
  return bySubscriber;
}
