// searchPapers on a real migrated SQLite db with the sample loaded: FTS, typos, sorts, windows,
// topics, hostile input, and papers becoming searchable as soon as they are added.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPapers } from "../../src/server/store/sqlite/papers/paper-store";
import { UnknownTopicError } from "../../src/server/papers/feed-list";
import { searchPapers, type SearchParams } from "../../src/server/search/search-papers";
import { createSampleDb, createTempDb, type TempDb } from "../helpers/temp-db";

const now = new Date("2026-11-20T12:00:00Z");
let temp: TempDb;
const search = (q: string, extra: Partial<SearchParams> = {}, store = temp.store) =>
  searchPapers(store, { q, sort: "relevance", window: "all", limit: 10, offset: 0, now, ...extra });

// The tests that only read share one copy of the sample; a test that adds papers takes its own.
beforeAll(async () => {
  temp = await createSampleDb(now);
}, 120_000);
afterAll(() => temp.cleanup());

describe("searchPapers", () => {
  it("answers from the FTS index of a freshly migrated database", async () => {
    const fresh = await createTempDb();
    try {
      await addPapers(
        fresh.db,
        [
          {
            title: "Quasicrystal tilings for sparse attention",
            abstract: "We tile attention maps with quasicrystals.",
          },
        ],
        { source: "test", now, halfLifeHours: 24 },
      );
      const rows = await fresh.db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "PaperSearch" WHERE "PaperSearch" MATCH '"quasicrystal"'`,
      );
      expect(Number(rows[0]!.n)).toBe(1);
      const { results } = await searchPapers(fresh.store, {
        q: "quasicrystals",
        sort: "relevance",
        window: "all",
        limit: 10,
        offset: 0,
        now,
      });
      expect(results.map((r) => r.paper.title)).toEqual(["Quasicrystal tilings for sparse attention"]);
    } finally {
      await fresh.cleanup();
    }
  });

  it("makes a newly added paper searchable at once, even by a word the vocabulary never saw", async () => {
    const own = await createSampleDb(now);
    try {
      expect((await search("zorblaxian", {}, own.store)).total).toBe(0);
      await addPapers(
        own.db,
        [{ title: "Zorblaxian gradient flows", abstract: "A study of zorblaxian optimisers for low-rank adaptation." }],
        { source: "test", now, halfLifeHours: 24 },
      );
      const { results, total } = await search("zorblaxian", {}, own.store);
      expect(total).toBe(1);
      expect(results[0]?.paper.title).toBe("Zorblaxian gradient flows");
      expect(results[0]?.titleHighlights).toEqual([[0, 10]]);
    } finally {
      await own.cleanup();
    }
  });

  it("corrects typos, highlights the title and centres the snippet on the match", async () => {
    const result = await search("kolmogrov arnold");
    expect(result.correctedQuery).toBe("kolmogorov arnold");
    const top = result.results[0]!;
    expect(top.paper.title).toMatch(/Kolmogorov-Arnold/);
    const highlighted = top.titleHighlights.map(([a, b]) => top.paper.title.slice(a, b).toLowerCase());
    expect(highlighted).toEqual(expect.arrayContaining(["kolmogorov", "arnold"]));
    expect(top.snippet.highlights.length).toBeGreaterThan(0);
    for (const [a, b] of top.snippet.highlights)
      expect(top.snippet.text.slice(a, b).toLowerCase()).toMatch(/kolmogorov|arnold/);
  });

  it("completes the word still being typed", async () => {
    const { results, correctedQuery } = await search("kolmog");
    expect(correctedQuery).toBeUndefined();
    expect(results.length).toBe(3);
  });

  it("sorts by trending and by newest, and filters by window", async () => {
    const trending = await search("attention", { sort: "trending", limit: 20 });
    const keys = trending.results.map((r) => r.paper.trendKey);
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    const newest = await search("attention", { sort: "new", limit: 20 });
    const dates = newest.results.map((r) => r.paper.feedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const future = new Date(now.getTime() + 40 * 86_400_000);
    expect((await search("attention", { window: "week", now: future })).total).toBe(0);
    expect((await search("attention", { window: "week" })).total).toBe(trending.total);
  });

  it("filters by topic and rejects an unknown topic", async () => {
    const { results } = await search("rank", { topic: "low-rank-adaptation" });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.paper.topics.map((t) => t.slug)).toContain("low-rank-adaptation");
    await expect(search("rank", { topic: "no-such-topic" })).rejects.toBeInstanceOf(UnknownTopicError);
  });

  it("treats an empty query as the feed and an unsearchable one as an empty result with topic suggestions", async () => {
    const feed = await search("   ", { sort: "trending" });
    expect(feed.results.length).toBe(10);
    expect(feed.total).toBe(210);
    const emoji = await search("🙂🙂");
    expect(emoji.total).toBe(0);
    expect(emoji.suggestions?.length).toBeGreaterThan(0);
  });

  it("cuts queries over 200 characters with a notice", async () => {
    const result = await search(`lora ${"x".repeat(300)}`);
    expect(result.notice).toMatch(/200 characters/);
  });

  it("searches FTS and fuse syntax, regex metacharacters, RTL text, marks and NUL as text", async () => {
    // Each hostile query finds exactly what the plain words in it find: no operator takes effect.
    const asPlainText: [string, string][] = [
      ['"lora', "lora"],
      ["lora*", "lora"],
      ["^lora", "lora"],
      ["(lora", "lora"],
      ["-lora", "lora"],
      ["lora AND OR NOT", "lora"],
      ["title:lora", "title lora"],
      ["lora NEAR attention", "lora near attention"],
      ["'lora !moe =kan |ssm", "lora moe kan ssm"],
      [".*[(?<x>)]+\\", "x"],
      ["e\u0301\u0301\u0301", "e"],
      ["lo\u0000ra", "lo ra"],
      ["\u0000", ""],
    ];
    const found = async (q: string) => {
      const { total, results } = await search(q, { limit: 50 });
      return { total, ids: results.map((r) => r.paper.id) };
    };
    for (const [hostile, plain] of asPlainText)
      expect(await found(hostile), JSON.stringify(hostile)).toEqual(await found(plain));
    const lora = await search("-lora");
    expect(lora.total).toBeGreaterThan(0);
    expect(lora.results[0]?.paper.title).toMatch(/LoRA/);
    const rtl = await search("שלום عالم");
    expect(rtl.total).toBe(0);
    expect(rtl.suggestions?.length).toBeGreaterThan(0);
  });

  it("never fails on 1,000 random strings and always returns well-formed results", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 250 }),
          fc.string({ maxLength: 60, unit: "binary" }),
          fc.string({ maxLength: 40, unit: "grapheme" }),
          fc.constantFrom("lora", "moe kan", "ssm*"),
        ),
        async (q) => {
          const result = await search(q);
          expect(result.results.length).toBeLessThanOrEqual(10);
          expect(result.total).toBeGreaterThanOrEqual(result.results.length);
          for (const r of result.results) {
            for (const [a, b] of r.titleHighlights) expect(0 <= a && a < b && b <= r.paper.title.length).toBe(true);
            for (const [a, b] of r.snippet.highlights) expect(0 <= a && a < b && b <= r.snippet.text.length).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 300_000);
});
