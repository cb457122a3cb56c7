// Saved queries and author names: normalised for matching, kept as written, bounded.
import { describe, expect, it } from "vitest";
import { AuthorIndex } from "../../src/domain/authors/author-index";
import { authorKey, authorKeys, matchingAuthors } from "../../src/domain/authors/author-key";
import { feedQueryInput, FeedQuerySchema, topicSlugs } from "../../src/domain/feed-params";
import { scopePath } from "../../src/domain/feed-links";
import { normaliseAuthors, normaliseQuery, weekdayOf } from "../../src/domain/subscription/saved-query";

describe("author names", () => {
  it("match whatever the case, diacritics or spacing", () => {
    expect(["José García", "jose  garcia", "JOSÉ GARCÍA", " José\tGarcía "].map(authorKey)).toEqual(
      Array(4).fill("jose-garcia"),
    );
    expect(authorKey("Zoë Ünal-Øster")).toBe("zoe-unal-øster");
    expect(authorKeys(["A. B", "a b", "", "!!"])).toEqual(["a-b"]);
    expect(matchingAuthors(["Ana Müller", "Bo Li"], new Set(["ana-muller"]))).toEqual(["Ana Müller"]);
  });

  it("are kept as written, one per author, at most 20", () => {
    expect(normaliseAuthors(["José García, jose garcia;  Bo   Li\nA. N. Other"])).toEqual({
      ok: true,
      value: ["José García", "Bo Li", "A. N. Other"],
    });
    expect(normaliseAuthors([Array.from({ length: 21 }, (_, i) => `Author ${i}`).join(",")]).ok).toBe(false);
  });

  it("index their papers and their most used spelling", () => {
    const index = new AuthorIndex();
    index.addPaper(1, ["José García", "Bo Li"]);
    index.addPaper(2, ["Jose Garcia"]);
    index.addPaper(3, ["José García", "JOSÉ GARCÍA"]);
    expect(index.papersBy(["jose-garcia"])).toEqual([1, 2, 3]);
    expect(index.papersBy(["jose-garcia", "bo-li"])).toEqual([1, 2, 3]);
    expect(index.author("jose-garcia")).toEqual({ key: "jose-garcia", name: "José García", paperCount: 3 });
    expect(index.author("nobody")).toBeNull();
  });
});

describe("saved queries", () => {
  it("bound the search words at 200 characters, with a message", () => {
    expect(normaliseQuery("  low-rank   adaptation ")).toEqual({ ok: true, value: "low-rank adaptation" });
    expect(normaliseQuery("x".repeat(200)).ok).toBe(true);
    expect(normaliseQuery("x".repeat(201))).toEqual({
      ok: false,
      message: "The search is at most 200 characters (it has 201).",
    });
  });

  it("name an edition's weekday from its date", () => {
    expect(["2026-11-26", "2026-11-30", "2026-11-29"].map(weekdayOf)).toEqual(["thu", "mon", "sun"]);
  });

  it("are one set of URL parameters: several topics by commas, authors repeated", () => {
    const path = scopePath("/feed.xml", { q: "lora", topic: "lora,quantization", author: ["José García", "Bo Li"] });
    expect(path).toBe("/feed.xml?q=lora&topic=lora%2Cquantization&author=Jos%C3%A9+Garc%C3%ADa&author=Bo+Li");
    const parsed = FeedQuerySchema.parse(feedQueryInput(new URL(path, "http://x").searchParams));
    expect(parsed).toMatchObject({ q: "lora", topic: "lora,quantization", author: ["José García", "Bo Li"] });
    expect(topicSlugs(parsed.topic)).toEqual(["lora", "quantization"]);
    const tooMany = new URLSearchParams(Array.from({ length: 21 }, (_, i) => ["author", `A${i}`]));
    expect(FeedQuerySchema.safeParse(feedQueryInput(tooMany)).success).toBe(false);
  });
});
