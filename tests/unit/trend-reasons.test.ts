import { describe, expect, it } from "vitest";
import { formatAge, formatScore, trendReasons, type TrendFacts } from "../../src/domain/trend-reasons";

const NOW = new Date("2026-11-26T12:00:00.000Z");

function facts(overrides: Partial<TrendFacts> = {}): TrendFacts {
  return {
    score: 0,
    votes: { today: 0, week: 0, total: 0, contribution: 0 },
    views: { today: 0, week: 0, contribution: 0 },
    clicks: { week: 0, contribution: 0 },
    sourceRank: null,
    importedUpvotes: null,
    feedAt: new Date("2026-11-01T00:00:00.000Z"),
    published: true,
    ...overrides,
  };
}

const texts = (f: TrendFacts) => trendReasons(f, NOW).map((r) => r.text);

describe("trendReasons", () => {
  it("writes the issue's example, strongest signal first", () => {
    const f = facts({
      score: 50,
      votes: { today: 12, week: 20, total: 34, contribution: 11 },
      views: { today: 40, week: 340, contribution: 14 },
      sourceRank: { best: 3, source: "sample", contribution: 1.7 },
      feedAt: new Date("2026-11-26T07:00:00.000Z"),
    });
    expect(texts(f)).toEqual(["340 views this week", "12 upvotes today", "#3 on the source list", "new"]);
  });

  it("puts the numbers in the detail", () => {
    const [votes] = trendReasons(facts({ score: 4, votes: { today: 1, week: 3, total: 5, contribution: 2 } }), NOW);
    expect(votes).toEqual({
      text: "1 upvote today",
      detail: "1 upvote in the last 24 hours, 3 in 7 days, 5 in all; adds 2.00 to today's score of 4.00 (50%)",
    });
  });

  it("falls back from today to this week to all time for votes", () => {
    expect(texts(facts({ votes: { today: 0, week: 3, total: 9, contribution: 1 } }))).toEqual(["3 upvotes this week"]);
    expect(texts(facts({ votes: { today: 0, week: 0, total: 1, contribution: 0.01 } }))).toEqual(["1 upvote"]);
  });

  it("names digest clicks, imported upvotes and the source", () => {
    const reasons = trendReasons(
      facts({
        score: 9,
        clicks: { week: 2, contribution: 0.6 },
        importedUpvotes: { count: 1200, source: "hf-daily", contribution: 8 },
      }),
      NOW,
    );
    expect(reasons.map((r) => r.text)).toEqual(["1,200 upvotes at the source", "digest clicks this week"]);
    expect(reasons[0]?.detail).toContain("on hf-daily");
  });

  it("shows a digest click count only once it stands for at least five readers", () => {
    const withClicks = (week: number) =>
      trendReasons(facts({ score: 2, clicks: { week, contribution: 0.3 * week } }), NOW)[0]!;
    for (const week of [1, 4]) {
      expect(withClicks(week).text).toBe("digest clicks this week");
      expect(withClicks(week).detail).toBe(
        "Opened from the email digest by fewer than 5 readers in 7 days (the exact number is not shown)",
      );
    }
    expect(withClicks(5).text).toBe("5 digest clicks this week");
    expect(withClicks(5).detail).toMatch(/^5 readers opened it from the email digest in 7 days; adds 1\.50/);
  });

  it("keeps at most four signal reasons plus new", () => {
    const f = facts({
      score: 10,
      votes: { today: 1, week: 1, total: 1, contribution: 1 },
      views: { today: 1, week: 1, contribution: 0.1 },
      clicks: { week: 1, contribution: 0.3 },
      sourceRank: { best: 1, source: null, contribution: 3 },
      importedUpvotes: { count: 10, source: null, contribution: 3.4 },
      feedAt: new Date("2026-11-26T11:00:00.000Z"),
      published: false,
    });
    const reasons = trendReasons(f, NOW);
    expect(reasons.map((r) => r.text)).toEqual([
      "10 upvotes at the source",
      "#1 on the source list",
      "1 upvote today",
      "digest clicks this week",
      "new",
    ]);
    expect(reasons.at(-1)?.detail).toBe("First seen 1 hour ago");
  });

  it("never leaves a card without a reason", () => {
    expect(trendReasons(facts(), NOW)).toEqual([
      { text: "no signals yet", detail: expect.stringContaining("score is 0") },
    ]);
  });

  it("calls only papers from the last 24 hours new", () => {
    expect(texts(facts({ feedAt: new Date("2026-11-25T12:00:00.001Z") }))).toContain("new");
    expect(texts(facts({ feedAt: new Date("2026-11-25T12:00:00.000Z") }))).not.toContain("new");
  });
});

describe("formatting", () => {
  it("formats scores and ages for people", () => {
    expect([formatScore(0.123), formatScore(12.34), formatScore(1234.5)]).toEqual(["0.12", "12.3", "1235"]);
    expect(formatAge(new Date(NOW.getTime() - 30_000), NOW)).toBe("just now");
    expect(formatAge(new Date(NOW.getTime() - 5 * 60_000), NOW)).toBe("5 minutes ago");
    expect(formatAge(new Date(NOW.getTime() - 3 * 86_400_000), NOW)).toBe("3 days ago");
  });
});
