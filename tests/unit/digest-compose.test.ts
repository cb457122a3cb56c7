// Digest composition: window, exclusions, topic-first order, reasons, subject, dates and backoff.
import { describe, expect, it } from "vitest";
import { composeDigest, FOLLOWS_NOTHING, type ReaderFollows } from "../../src/domain/digest/compose-digest";
import { digestDateOf, formatDigestDate, isDigestDate, shiftDigestDate } from "../../src/domain/digest/digest-date";
import { digestSubject } from "../../src/domain/digest/digest-subject";
import { topicResolver } from "../../src/domain/digest/digest-topics";
import { digestWindowStart } from "../../src/domain/digest/digest-window";
import { excerpt } from "../../src/domain/digest/excerpt";
import { retryDelayMs } from "../../src/domain/digest/retry-backoff";
import type { Paper } from "../../src/domain/paper";

const NOW = new Date("2026-11-26T07:00:00Z");
const HOUR = 3_600_000;
const quant = { slug: "quantization", label: "Quantization" };

function paper(id: number, hoursAgo = 2, topics = [] as Paper["topics"], extra: Partial<Paper> = {}): Paper {
  const seen = new Date(NOW.getTime() - hoursAgo * HOUR);
  return {
    id,
    slug: `p${id}`,
    title: `Paper ${id}`,
    abstract: `Abstract ${id}.`,
    authors: [],
    arxivId: null,
    sourceUrl: null,
    pdfUrl: null,
    doi: null,
    primaryCategory: null,
    categories: [],
    comment: null,
    codeUrl: null,
    publishedAt: null,
    firstSeenAt: seen,
    feedAt: seen,
    sourceName: "arxiv",
    sourceRank: null,
    votes: 0,
    trendKey: -id,
    topics,
    ...extra,
  };
}
type Reader = Parameters<typeof composeDigest>[0]["reader"];
const reader = (over: Partial<Omit<Reader, "follows">> & { follows?: Partial<ReaderFollows> } = {}): Reader => ({
  lastDigestAt: null,
  sentPaperIds: new Set<number>(),
  ...over,
  follows: { ...FOLLOWS_NOTHING, ...over.follows },
});
const ids = (items: { paper: Paper }[]) => items.map((i) => i.paper.id);

describe("composeDigest", () => {
  const candidates = [paper(1), paper(2), paper(3, 30), paper(4, 5, [quant]), paper(5, 6, [quant]), paper(6)];

  it("takes the top N of the last day for a first digest, in trending order", () => {
    expect(ids(composeDigest({ candidates, reader: reader(), now: NOW, size: 3 }))).toEqual([1, 2, 4]);
  });

  it("starts the window at the last digest and skips papers already sent", () => {
    const items = composeDigest({
      candidates,
      reader: reader({ lastDigestAt: new Date(NOW.getTime() - 5.5 * HOUR), sentPaperIds: new Set([2]) }),
      now: NOW,
      size: 10,
    });
    expect(ids(items)).toEqual([1, 4, 6]);
  });

  it("sends only the papers matching the reader's topics, with the topic named", () => {
    const items = composeDigest({
      candidates,
      reader: reader({ follows: { topicSlugs: ["quantization"] } }),
      now: NOW,
      size: 4,
    });
    expect(items.map((i) => [i.paper.id, i.section])).toEqual([
      [4, "topics"],
      [5, "topics"],
    ]);
    expect(items[0]!.reason).toBe("Matches your topic Quantization · #3 trending of 5 new papers");
  });

  it("needs every part of a saved query: topic, search words and an author, named in the reason", () => {
    const byAna = { authors: ["Ana Müller", "Bo Li"] };
    const pool = [
      paper(1, 1, [quant], byAna),
      paper(2, 1, [quant]),
      paper(3, 1, [], byAna),
      paper(4, 1, [quant], { authors: ["ANA  MULLER"] }),
    ];
    const follows = {
      topicSlugs: ["quantization"],
      authorKeys: ["ana-muller"],
      queryText: "int4",
      queryMatches: new Set([1, 3, 4]),
    };
    const items = composeDigest({ candidates: pool, reader: reader({ follows }), now: NOW, size: 10 });
    expect(ids(items)).toEqual([1, 4]);
    expect(items[0]!.reason).toBe(
      "Matches your topic Quantization, your search “int4”, by Ana Müller · #1 trending of 4 new papers",
    );
    expect(items[1]!.reason).toContain("by ANA  MULLER");
  });

  it("reaches back a week for a weekly reader's first digest", () => {
    const week = [paper(1, 2), paper(2, 3 * 24), paper(3, 8 * 24)];
    const items = composeDigest({ candidates: week, reader: reader({ firstWindowDays: 7 }), now: NOW, size: 10 });
    expect(ids(items)).toEqual([1, 2]);
    expect(ids(composeDigest({ candidates: week, reader: reader(), now: NOW, size: 10 }))).toEqual([1]);
  });

  it("returns nothing when nothing is new", () => {
    expect(composeDigest({ candidates, reader: reader({ lastDigestAt: NOW }), now: NOW, size: 10 })).toEqual([]);
  });

  it("names votes and an external rank in the reason", () => {
    const [item] = composeDigest({
      candidates: [paper(9, 1, [], { votes: 3, sourceRank: 2, sourceName: "hf" })],
      reader: reader(),
      now: NOW,
      size: 1,
    });
    expect(item!.reason).toBe("#1 trending of 1 new paper · 3 upvotes here · ranked #2 on Hugging Face daily papers");
  });

  it("caps a long absence at a week", () => {
    expect(digestWindowStart(new Date("2026-01-01T00:00:00Z"), NOW).toISOString()).toBe("2026-11-19T07:00:00.000Z");
  });
});

describe("digest pieces", () => {
  it("names the edition by its date in DIGEST_TZ", () => {
    expect(digestDateOf(new Date("2026-11-26T23:30:00Z"), "UTC")).toBe("2026-11-26");
    expect(digestDateOf(new Date("2026-11-26T23:30:00Z"), "Europe/Berlin")).toBe("2026-11-27");
    expect(digestDateOf(new Date("2026-11-26T03:00:00Z"), "America/Los_Angeles")).toBe("2026-11-25");
    expect(formatDigestDate("2026-11-26")).toBe("Thursday, 26 November 2026");
    expect(shiftDigestDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(["2026-11-26", "2026-02-30", "26-11-2026", "2026-1-1"].map(isDigestDate)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it("puts the date and the top paper in the subject, shortening long titles", () => {
    const items = composeDigest({
      candidates: [
        paper(1, 1, [], { title: "A ".repeat(30) + "very long title that keeps going on and on" }),
        paper(2),
      ],
      reader: reader(),
      now: NOW,
      size: 2,
    });
    const subject = digestSubject("2026-11-26", items);
    expect(subject).toMatch(/^Paper digest, 26 Nov 2026: A A .*… \(\+1 more\)$/);
    expect(subject.length).toBeLessThan(110);
  });

  it("cuts excerpts at a word boundary", () => {
    const text = "word ".repeat(100);
    const cut = excerpt(text, 50);
    expect(cut).toBe(`${"word ".repeat(9).trim()}…`);
    expect(excerpt("Short.")).toBe("Short.");
  });

  it("resolves topics by slug, label or alias", () => {
    const resolve = topicResolver(
      [{ slug: "lora", label: "Low-rank adaptation", aliases: ["LoRA adapters"] }, quant].map((t) => ({
        aliases: [],
        ...t,
      })),
    );
    expect(resolve(["Quantization", "low rank adaptation", "lora-adapters", "unknown"])).toEqual([
      "quantization",
      "lora",
    ]);
  });

  it("backs off 2, 4, 8 … minutes, at most an hour", () => {
    expect([1, 2, 3, 6, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([2, 4, 8, 60, 60]);
  });
});
