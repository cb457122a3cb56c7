// SQLite: a word in nearly every paper selects matches but is left out of what bm25 scores (bm25 would
// read its whole doclist for an idf it floors anyway). The ranking must be the one bm25 gives the whole
// query, and the matches the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planQuery } from "../../src/domain/search/query-plan";
import { TermVocabulary } from "../../src/domain/search/term-vocabulary";
import { searchPapers } from "../../src/server/search/search-papers";
import { scoredMatch } from "../../src/server/store/sqlite/search/scored-match";
import { createTempSqliteDb, type TempDb } from "../helpers/temp-db";

const now = new Date("2026-11-20T12:00:00Z");
let temp: TempDb;

// Every paper mentions lattices; a few mention zyxtrel, more or less prominently.
const RARE = [
  { title: "Zyxtrel lattices", abstract: "Zyxtrel zyxtrel lattice bounds for zyxtrel codes." },
  { title: "Lattice codes", abstract: "A lattice construction with one zyxtrel step and many other long words here." },
  { title: "Zyxtrel sums", abstract: "Sums over a lattice, zyxtrel style." },
  { title: "Zyxtrel without the common word", abstract: "Nothing else in common." },
];
const FILLER = Array.from({ length: 300 }, (_, i) => ({
  title: `Lattice study ${i}`,
  abstract: `We count lattice points in dimension ${i}.`,
}));

beforeAll(async () => {
  temp = await createTempSqliteDb();
  await temp.store.papers.addPapers([...FILLER, ...RARE], { source: "test", now, halfLifeHours: 24 });
}, 120_000);
afterAll(() => temp.cleanup());

async function bm25Order(match: string): Promise<string[]> {
  const rows = await temp.db.$queryRawUnsafe<{ title: string }[]>(
    `SELECT p."title" AS title FROM "PaperSearch" s JOIN "Paper" p ON p."id" = s.rowid
     WHERE "PaperSearch" MATCH ? ORDER BY bm25("PaperSearch", 10, 1, 5, 4)`,
    match,
  );
  return rows.map((r) => r.title);
}

describe("scoring the rare words apart", () => {
  it("leaves out of the score only slots whose every word is in most papers, and only when all must match", async () => {
    const vocabulary = await temp.store.search.vocabulary(true);
    const plan = planQuery(["zyxtrel", "lattice"], vocabulary, false);
    expect(scoredMatch(plan.slots, "all", vocabulary)).toEqual({
      match: `"zyxtrel" AND "lattice"`,
      scored: `"zyxtrel"`,
      unscoredEntries: 303,
    });
    expect(scoredMatch(plan.slots, "any", vocabulary)).toEqual({ match: `"zyxtrel" OR "lattice"` });
    const common = planQuery(["lattice"], vocabulary, false);
    expect(scoredMatch(common.slots, "all", vocabulary)).toEqual({ match: `"lattice"` });
  });

  it("keeps a slot scored when one of its alternatives is not common", () => {
    const vocabulary = new TermVocabulary();
    for (let i = 0; i < 10; i++) vocabulary.addDocument(i === 0 ? ["lattice", "rare"] : ["lattice"]);
    vocabulary.addDocument(["latice"]);
    const slots = [
      { alternatives: [{ words: ["rare"], prefix: false }] },
      {
        alternatives: [
          { words: ["lattice"], prefix: false },
          { words: ["latice"], prefix: false },
        ],
      },
    ];
    expect(scoredMatch(slots, "all", vocabulary).scored).toBeUndefined();
  });

  it("ranks as bm25 ranks the whole query, with the same matches", async () => {
    const expected = await bm25Order(`"zyxtrel" AND "lattice"`);
    expect(expected).toHaveLength(3);
    const { results, total } = await searchPapers(temp.store, {
      q: "zyxtrel lattice",
      sort: "relevance",
      window: "all",
      limit: 10,
      offset: 0,
      now,
    });
    expect(total).toBe(3);
    expect(results.map((r) => r.paper.title)).toEqual(expected);
    expect(results[0]!.relevance).toBe(1);
  });
});
