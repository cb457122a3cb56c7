// Papers for trending tests: n papers seen at source ranks 1..n (one source_rank event each), like the sample.
import { sourceRankWeight } from "../../src/domain/trending";
import type { Db } from "../../src/server/store/sqlite/prisma-client";
import type { Store } from "../../src/server/store/store";

/** The store's settings give the half-life the keys are computed for (24 h unless the test changed it). */
export async function createRankedPapers(
  { db, store }: { db: Db; store: Store },
  count: number,
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (let rank = 1; rank <= count; rank++) {
    const paper = await db.paper.create({
      data: {
        slug: `paper-${rank}`,
        title: `Paper ${rank}`,
        abstract: "An abstract.",
        titleText: `Paper ${rank}`,
        abstractText: "An abstract.",
        titleKey: `paper ${rank}`,
        firstSeenAt: now,
        feedAt: now,
        sourceName: "test",
        sourceRank: rank,
      },
      select: { id: true },
    });
    ids.push(paper.id);
  }
  await store.trending.recordSignals(
    ids.map((paperId, i) => ({
      paperId,
      kind: "source_rank" as const,
      at: now,
      weight: sourceRankWeight(i + 1),
      value: i + 1,
      source: "test",
    })),
  );
  return ids;
}

/** Paper ids in stored-key order (ties by id), as the feed sorts them. */
export async function trendingOrder(db: Db): Promise<number[]> {
  const rows = await db.paper.findMany({ orderBy: [{ trendKey: "desc" }, { id: "asc" }], select: { id: true } });
  return rows.map((r) => r.id);
}
