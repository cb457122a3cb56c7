// The events behind each paper's 14-day trend history (domain/trend-history.ts), read in one query.
import { historyHorizon, trendHistory, type HistoryEvent, type HistoryPoint } from "@/domain/trend-history";
import type { Db } from "@/server/store/sqlite/prisma-client";

export async function paperTrendHistory(
  db: Db,
  paperIds: readonly number[],
  now: Date,
  halfLifeHours: number,
): Promise<Map<number, HistoryPoint[]>> {
  const ids = [...new Set(paperIds)];
  const rows =
    ids.length === 0
      ? []
      : await db.paperEvent.findMany({
          where: { paperId: { in: ids }, anchorAt: { gte: historyHorizon(now, halfLifeHours) }, at: { lte: now } },
          select: { paperId: true, at: true, anchorAt: true, weight: true },
        });
  return historiesOf(ids, rows, now, halfLifeHours);
}

/** Groups events by paper and computes every paper's history (papers without events get zeros). */
export function historiesOf(
  ids: readonly number[],
  rows: readonly (HistoryEvent & { paperId: number })[],
  now: Date,
  halfLifeHours: number,
): Map<number, HistoryPoint[]> {
  const byPaper = new Map<number, HistoryEvent[]>(ids.map((id) => [id, []]));
  for (const row of rows) byPaper.get(row.paperId)?.push(row);
  return new Map([...byPaper].map(([id, events]) => [id, trendHistory(events, now, halfLifeHours)]));
}
