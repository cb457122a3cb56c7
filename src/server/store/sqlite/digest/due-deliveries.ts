// Claims the run's due deliveries a page at a time, with what composing needs (direct SQL: delivery-sql.ts).
import type { Db } from "@/server/store/sqlite/prisma-client";
import type { ClaimedPage, DueDelivery, PageClaim } from "@/server/store/digest";
import { claimDueRows, sentPaperRows, type DueRow } from "./delivery-sql";

export function countDue(db: Db, runId: number, now: Date): Promise<number> {
  return db.delivery.count({
    where: { runId, status: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
  });
}

/** Claims a page of due deliveries (delivery-sql.ts) and hands back the claimed ones with their readers. */
export async function claimDuePage(db: Db, claim: PageClaim): Promise<ClaimedPage> {
  const rows = await claimDueRows(db, claim);
  const claimed = rows.filter((row) => row.active);
  return { deliveries: claimed.map(toDueDelivery), skipped: rows.length - claimed.length };
}

function toDueDelivery(row: DueRow): DueDelivery {
  return {
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
  };
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
