// Reads the run's due deliveries a page at a time, with what composing needs, in two queries per page.
import { earliestWindowStart } from "../../domain/digest/digest-window";
import type { Db } from "../db";
import type { DueDelivery } from "./deliver-one";

export const PAGE_SIZE = 250;

function dueWhere(runId: number, now: Date) {
  return { runId, status: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] };
}

export function countDue(db: Db, runId: number, now: Date): Promise<number> {
  return db.delivery.count({ where: dueWhere(runId, now) });
}

export async function loadDuePage(db: Db, runId: number, now: Date, afterId: number): Promise<DueDelivery[]> {
  return db.delivery.findMany({
    where: { ...dueWhere(runId, now), id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: PAGE_SIZE,
    select: {
      id: true,
      attempts: true,
      subscriber: { select: { id: true, email: true, topics: true, lastDigestAt: true, manageTokenHash: true } },
    },
  });
}

/**
 * Papers already sent to these readers that could still be in a window. Anything sent before the widest
 * window opened cannot be a candidate (a paper is sent only after it was first seen), so older rows are skipped.
 */
export async function sentPapersOf(db: Db, subscriberIds: readonly number[], now: Date): Promise<Map<number, Set<number>>> {
  const rows = await db.sentPaper.findMany({
    where: { subscriberId: { in: [...subscriberIds] }, sentAt: { gte: earliestWindowStart(now) } },
    select: { subscriberId: true, paperId: true },
  });
  const bySubscriber = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = bySubscriber.get(row.subscriberId) ?? new Set<number>();
    set.add(row.paperId);
    bySubscriber.set(row.subscriberId, set);
  }
  return bySubscriber;
}
