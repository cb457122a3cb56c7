// Rebuilds every paper's trend key from its stored events: needed once after TRENDING_HALF_LIFE_HOURS
// changes, since keys are computed for one half-life. A maintenance job, never run per request.
import { NO_SIGNAL_KEY, trendKeyOf, type TrendEvent } from "@/domain/trending";
import type { Db } from "@/server/store/sqlite/prisma-client";

const PAGE = 5_000;

/** Returns how many papers were rewritten. */
export async function rebuildTrendKeys(db: Db, halfLifeHours: number): Promise<number> {
  let afterId = 0;
  let written = 0;
  for (;;) {
    const papers = await db.paper.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true },
    });
    if (papers.length === 0) return written;
    const ids = papers.map((p) => p.id);
    afterId = ids[ids.length - 1]!;
    const events = await db.paperEvent.findMany({
      where: { paperId: { in: ids } },
      select: { paperId: true, weight: true, anchorAt: true },
    });
    const byPaper = new Map<number, TrendEvent[]>(ids.map((id) => [id, []]));
    for (const e of events) byPaper.get(e.paperId)?.push(e);
    const keys = [...byPaper].map(([id, list]) => [
      id,
      list.length === 0 ? NO_SIGNAL_KEY : trendKeyOf(list, halfLifeHours),
    ]);
    await db.$executeRawUnsafe(
      `UPDATE "Paper" SET "trendKey" = "k"."value"->>1 FROM json_each(?) AS "k" WHERE "Paper"."id" = "k"."value"->>0`,
      JSON.stringify(keys),
    );
    written += keys.length;
  }
}
