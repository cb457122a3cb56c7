// Past editions: what a run sent, and the latest editions that sent anything.
import type { ArchivedEdition } from "@/server/store/digest";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { PAPER_ROW_SELECT, toPaper } from "@/server/store/sqlite/papers/paper-rows";
import { topicsOfPapers } from "@/server/store/sqlite/papers/paper-topics";

/** What a past run actually sent, or null when there was no run that day. */
export async function archivedEdition(db: Db, date: string, limit: number): Promise<ArchivedEdition | null> {
  const run = await db.digestRun.findUnique({ where: { date }, select: { id: true } });
  if (!run) return null;
  const deliveries = await db.delivery.findMany({
    where: { runId: run.id, status: "sent" },
    select: { paperIds: true },
  });
  const sentTo = new Map<number, number>();
  for (const delivery of deliveries) {
    for (const id of JSON.parse(delivery.paperIds) as number[]) sentTo.set(id, (sentTo.get(id) ?? 0) + 1);
  }
  const rows = await db.paper.findMany({ where: { id: { in: [...sentTo.keys()] } }, select: PAPER_ROW_SELECT });
  const topics = await topicsOfPapers(
    db,
    rows.map((row) => row.id),
  );
  const papers = rows
    .map((row) => ({ paper: toPaper(row, topics.get(row.id) ?? []), sentTo: sentTo.get(row.id) ?? 0 }))
    .sort((a, b) => b.sentTo - a.sentTo || b.paper.trendKey - a.paper.trendKey)
    .slice(0, limit);
  return { date, readers: deliveries.length, papers };
}

/** The latest editions that sent something, newest first. */
export async function recentEditions(db: Db, limit: number): Promise<{ date: string; sent: number }[]> {
  const runs = await db.digestRun.findMany({
    orderBy: { date: "desc" },
    take: limit,
    select: { date: true, _count: { select: { deliveries: { where: { status: "sent" } } } } },
  });
  return runs
    .filter((run) => run._count.deliveries > 0)
    .map((run) => ({ date: run.date, sent: run._count.deliveries }));
}
