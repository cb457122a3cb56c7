import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scoreFromKey, SIGNAL_WEIGHTS } from "../../src/domain/trending";
import { createRankedPapers } from "../helpers/ranked-papers";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const SEEN = new Date("2026-11-20T12:00:00.000Z");
const NOW = new Date("2026-11-26T12:00:00.000Z");
const before = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

let temp: TempDb;
let ids: number[];
beforeEach(async () => {
  temp = await createTempDb();
  ids = await createRankedPapers(temp, 6, SEEN);
});
afterEach(async () => temp.cleanup());

describe("explainTrending", () => {
  it("explains a voted, viewed, clicked paper in plain words, strongest first", async () => {
    const paperId = ids[5]!;
    for (const visitor of ["a", "b", "c"]) await temp.store.trending.upvote(paperId, visitor, before(2));
    await temp.store.trending.upvote(paperId, "d", before(72));
    await temp.store.trending.upvote(paperId, "e", before(3));
    await temp.store.trending.removeVote(paperId, "e", before(1));
    for (const visitor of ["a", "b", "f", "g"])
      await temp.store.trending.recordView({ paperId, visitorId: visitor, now: before(30) });
    await temp.store.trending.recordSignals([{ paperId, kind: "click", at: before(5), weight: SIGNAL_WEIGHTS.click }]);

    const explained = (await temp.store.trending.explainTrending([paperId], NOW)).get(paperId)!;
    const key = (await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } })).trendKey;
    expect(explained.score).toBeCloseTo(scoreFromKey(key, NOW, 24), 12);
    expect(explained.rank).toBe(1);
    expect(explained.reasons.map((r) => r.text)).toEqual([
      "3 upvotes today",
      "digest clicks this week",
      "4 views this week",
      "#6 on the source list",
    ]);
    expect(explained.reasons[0]!.detail).toMatch(
      /^3 upvotes in the last 24 hours, 4 in 7 days, 4 in all; adds 2\.\d\d to today's score of 3\.\d\d \(\d+%\)$/,
    );
  });

  it("gives every requested paper its overall rank and skips unknown ids", async () => {
    const result = await temp.store.trending.explainTrending([ids[2]!, ids[0]!, 9999, ids[2]!], NOW);
    expect([...result.keys()].sort()).toEqual([ids[0], ids[2]].sort());
    expect(result.get(ids[0]!)?.rank).toBe(1);
    expect(result.get(ids[2]!)?.rank).toBe(3);
    expect(result.get(ids[2]!)?.reasons).toEqual([
      { text: "#3 on the source list", detail: expect.stringContaining("test trending list: #3") },
    ]);
    expect((await temp.store.trending.explainTrending([], NOW)).size).toBe(0);
  });

  it("says a paper without signals has none, with score 0 and no rank, and marks fresh papers new", async () => {
    const bare = await temp.db.paper.create({
      data: {
        slug: "bare",
        title: "Bare",
        abstract: "x",
        titleText: "Bare",
        abstractText: "x",
        titleKey: "bare",
        firstSeenAt: before(2),
        feedAt: before(2),
        sourceName: "test",
      },
    });
    const explained = (await temp.store.trending.explainTrending([bare.id], NOW)).get(bare.id)!;
    expect(explained.score).toBe(0);
    expect(explained.rank).toBeUndefined();
    expect(explained.reasons).toEqual([{ text: "new", detail: "First seen 2 hours ago" }]);
  });
});
