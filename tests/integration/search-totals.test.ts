// A search's total on either engine, for each candidate plan: exact when every match was ranked or counted,
// a lower bound ("1,500+") when a filtered very common query stopped at its newest candidates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MatchQuery } from "../../src/server/store/search";
import { ONE_PASS_MATCHES } from "../../src/server/store/postgres/search/pg-search";
import { COMMON_CANDIDATES, SELECTIVE_MATCHES } from "../../src/server/store/sqlite/search/rank-matches";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-20T12:00:00Z");
const MATCHES = COMMON_CANDIDATES + 200;
const RECENT = COMMON_CANDIDATES + 100;

let temp: TempDb;
beforeAll(async () => {
  temp = await createTempDb();
  // Every paper mentions zeolites; the first RECENT were seen this week, the others a month ago.
  await temp.db.paper.createMany({
    data: Array.from({ length: MATCHES }, (_, i) => {
      const seen = new Date(NOW.getTime() - (i < RECENT ? 1 : 30) * 86_400_000);
      const title = `Zeolite catalysis study ${i}`;
      const abstract = `We measure zeolite pores in sample ${i}.`;
      return {
        slug: `zeolite-${i}`,
        title,
        abstract,
        titleText: title,
        abstractText: abstract,
        titleKey: title.toLowerCase(),
        firstSeenAt: seen,
        feedAt: seen,
        sourceName: "test",
      };
    }),
  });
}, 120_000);
afterAll(async () => {
  await temp.cleanup();
});

const query = (estimatedMatches: number, since: Date | null): MatchQuery => ({
  slots: [{ alternatives: [{ words: ["zeolite"], prefix: false }] }],
  mode: "all",
  estimatedMatches,
  filter: { since },
  order: "relevance",
  limit: 20,
  offset: 0,
});

describe("search totals", () => {
  it("counts every match of a selective query, beyond the candidates it blends", async () => {
    const page = await temp.store.search.rankMatches(query(10, null));
    expect(page.ids).toHaveLength(20);
    expect(page).toMatchObject({ total: MATCHES, totalIsLowerBound: false });
  });

  it("counts every match of a very common query, beyond its newest candidates", async () => {
    const page = await temp.store.search.rankMatches(query(1_000_000, null));
    expect(page.ids).toHaveLength(20);
    expect(page).toMatchObject({ total: MATCHES, totalIsLowerBound: false });
  });

  it("gives a common query the same page and total whether its matches are counted in its pass or apart", async () => {
    // Between the two estimates PostgreSQL counts the matches in the pass that picks the newest candidates.
    const estimate = Math.round((SELECTIVE_MATCHES + ONE_PASS_MATCHES) / 2);
    const inPass = await temp.store.search.rankMatches(query(estimate, null));
    const apart = await temp.store.search.rankMatches(query(1_000_000, null));
    expect(inPass).toMatchObject({ total: MATCHES, totalIsLowerBound: false });
    expect(inPass.ids).toHaveLength(20);
    expect(inPass.ids).toEqual(apart.ids);
  });

  it("gives a filtered very common query's candidates as a lower bound", async () => {
    const page = await temp.store.search.rankMatches(query(1_000_000, new Date(NOW.getTime() - 7 * 86_400_000)));
    expect(page.ids).toHaveLength(20);
    expect(page).toMatchObject({ total: COMMON_CANDIDATES, totalIsLowerBound: true });
  });

  it("counts the matches within a filter exactly when a selective query ranks them all", async () => {
    const page = await temp.store.search.rankMatches({
      ...query(10, new Date(NOW.getTime() - 7 * 86_400_000)),
      order: "trending",
    });
    expect(page).toMatchObject({ total: RECENT, totalIsLowerBound: false });
  });
});
