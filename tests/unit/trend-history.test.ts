// The 14-day trend history: the trending score's own formula at the end of each UTC day, from the signals
// that had happened by then.
import { describe, expect, it } from "vitest";
import { historyHorizon, trendHistory } from "../../src/domain/trend-history";
import { decayedScore } from "../../src/domain/trending";

const NOW = new Date("2026-11-26T15:00:00Z");
const H = 24;
const at = (iso: string, weight: number, anchor = iso) => ({ at: new Date(iso), anchorAt: new Date(anchor), weight });

describe("trendHistory", () => {
  it("has one point per day for the last 14 days, oldest first, today last", () => {
    const history = trendHistory([], NOW, H);
    expect(history.map((p) => p.day)).toEqual(
      Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 10, 13 + i)).toISOString().slice(0, 10)),
    );
    expect(history.every((p) => p.score === 0)).toBe(true);
  });

  it("scores each day's end with the decay formula, and today at the current instant", () => {
    const events = [at("2026-11-24T12:00:00Z", 1), at("2026-11-25T23:59:59Z", 3)];
    const history = trendHistory(events, NOW, H);
    const byDay = new Map(history.map((p) => [p.day, p.score]));
    expect(byDay.get("2026-11-23")).toBe(0);
    // End of Nov 24 = 12 hours after the vote: 2^(-1/2).
    expect(byDay.get("2026-11-24")).toBe(Math.round(2 ** -0.5 * 1000) / 1000);
    expect(byDay.get("2026-11-25")).toBe(
      Math.round(decayedScore(events, new Date("2026-11-26T00:00:00Z"), H) * 1000) / 1000,
    );
    expect(byDay.get("2026-11-26")).toBe(Math.round(decayedScore(events, NOW, H) * 1000) / 1000);
  });

  it("counts an upvote until the day it was taken back, then nothing", () => {
    const vote = "2026-11-20T10:00:00Z";
    const events = [at(vote, 1), at("2026-11-22T10:00:00Z", -1, vote)];
    const byDay = new Map(trendHistory(events, NOW, H).map((p) => [p.day, p.score]));
    expect(byDay.get("2026-11-21")).toBeGreaterThan(0);
    expect(byDay.get("2026-11-22")).toBe(0);
    expect(byDay.get("2026-11-26")).toBe(0);
  });

  it("reads back far enough that the signals it leaves out cannot change a rounded point", () => {
    const horizon = historyHorizon(NOW, H);
    const oldest = trendHistory([at(horizon.toISOString(), 1000)], NOW, H)[0]!;
    expect(oldest.score).toBe(0);
  });
});
