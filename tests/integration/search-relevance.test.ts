// The committed relevance set over the sample papers: recall@10 and typo queries' top-5 placement.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { searchPapers } from "../../src/server/search/search-papers";
import { createTempDb, type TempDb } from "../helpers/temp-db";

interface RelevanceQuery {
  query: string;
  typo: boolean;
  expected: string[];
}
const relevanceSet = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "../fixtures/relevance-set.json"), "utf8"),
) as { queries: RelevanceQuery[] };
const now = new Date("2026-11-20T12:00:00Z");
let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
  await loadSampleIfEmpty(temp.store, now, 24);
}, 120_000);
afterAll(() => temp.cleanup());

async function topTitles(query: string): Promise<string[]> {
  const { results } = await searchPapers(temp.store, {
    q: query,
    sort: "relevance",
    window: "all",
    limit: 10,
    offset: 0,
    now,
  });
  return results.map((r) => r.paper.title);
}

const rankOf = (titles: string[], expected: string) => titles.findIndex((t) => t.startsWith(expected));

describe("relevance set over the sample papers", () => {
  it("has at least 40 queries, 15 of them with typos", () => {
    expect(relevanceSet.queries.length).toBeGreaterThanOrEqual(40);
    expect(relevanceSet.queries.filter((q) => q.typo).length).toBeGreaterThanOrEqual(15);
  });

  it("finds at least 90% of the expected papers in the first 10 results", async () => {
    let found = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const q of relevanceSet.queries) {
      const titles = await topTitles(q.query);
      for (const title of q.expected) {
        expected++;
        if (rankOf(titles, title) >= 0) found++;
        else misses.push(`${q.query} → ${title}`);
      }
    }
    expect(found / expected, `missed:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("puts each typo query's target in the first 5 results", async () => {
    const misplaced: string[] = [];
    for (const q of relevanceSet.queries.filter((x) => x.typo)) {
      const titles = await topTitles(q.query);
      if (rankOf(titles.slice(0, 5), q.expected[0]!) < 0)
        misplaced.push(`${q.query}: ${titles.slice(0, 5).join(" / ")}`);
    }
    expect(misplaced).toEqual([]);
  });
});
