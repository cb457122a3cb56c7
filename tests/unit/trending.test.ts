import { describe, expect, it } from "vitest";
import {
  addToTrendKey,
  decayedScore,
  importedUpvotesWeight,
  netEvents,
  NO_SIGNAL_KEY,
  scoreFromKey,
  SIGNAL_WEIGHTS,
  sourceRankWeight,
  trendKeyOf,
  type TrendEvent,
} from "../../src/domain/trending";

const H = 24;
const T0 = new Date("2026-11-26T12:00:00.000Z");
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const event = (weight: number, atHours: number): TrendEvent => ({ weight, anchorAt: hours(atHours) });

describe("decayedScore", () => {
  it("is the plain sum of weights at the events' own time", () => {
    expect(decayedScore([event(1, 0), event(0.1, 0)], T0, H)).toBeCloseTo(1.1, 12);
  });

  it("halves after exactly one half-life and quarters after two", () => {
    expect(decayedScore([event(1, 0)], hours(24), H)).toBeCloseTo(0.5, 12);
    expect(decayedScore([event(1, 0)], hours(48), H)).toBeCloseTo(0.25, 12);
    expect(decayedScore([event(1, 0)], hours(6), 6)).toBeCloseTo(0.5, 12);
  });

  it("is 0 for a paper without events and for an upvote cancelled by its unvote", () => {
    expect(decayedScore([], T0, H)).toBe(0);
    expect(decayedScore([event(1, 0), { weight: -1, anchorAt: hours(0) }], hours(5), H)).toBe(0);
  });

  it("keeps a tiny old signal exactly when a large recent vote is cancelled", () => {
    const events = [event(0.2, -24 * 60), event(1, 0), event(-1, 0)];
    expect(decayedScore(events, T0, H)).toBe(0.2 * 2 ** -60);
  });
});

describe("stored key", () => {
  it("gives back the recomputed score at any later time", () => {
    const events = [event(3, -30), event(1, -2), event(0.1, -1), event(0.3, 0)];
    const key = trendKeyOf(events, H);
    for (const at of [0, 5, 24, 24 * 30]) {
      expect(scoreFromKey(key, hours(at), H) / decayedScore(events, hours(at), H)).toBeCloseTo(1, 12);
    }
  });

  it("is the no-signal key for a paper without events, scoring 0 and sorting last", () => {
    expect(trendKeyOf([], H)).toBe(NO_SIGNAL_KEY);
    expect(scoreFromKey(NO_SIGNAL_KEY, T0, H)).toBe(0);
    expect(trendKeyOf([event(0.01, -24 * 3650)], H)).toBeGreaterThan(NO_SIGNAL_KEY);
  });

  it("does not overflow decades after the epoch", () => {
    const key = trendKeyOf([event(1, 24 * 365 * 30)], 1);
    expect(Number.isFinite(key)).toBe(true);
    expect(scoreFromKey(key, hours(24 * 365 * 30 + 1), 1)).toBeCloseTo(0.5, 12);
  });

  it("folds events one at a time to the same key as the whole history", () => {
    const events = [event(1, 0), event(0.1, 3), event(2.12, -40), event(0.3, 7)];
    const folded = events.reduce<number>((key, e) => addToTrendKey(key, e, H) ?? Number.NaN, NO_SIGNAL_KEY);
    expect(folded).toBeCloseTo(trendKeyOf(events, H), 12);
  });

  it("subtracts a partial cancellation in O(1) and asks for a recompute on a near-total one", () => {
    const key = trendKeyOf([event(1, 0), event(1, -1)], H);
    expect(addToTrendKey(key, { weight: -1, anchorAt: hours(-1) }, H)).toBeCloseTo(trendKeyOf([event(1, 0)], H), 12);
    const lone = trendKeyOf([event(1, 0)], H);
    expect(addToTrendKey(lone, { weight: -1, anchorAt: hours(0) }, H)).toBeNull();
    expect(addToTrendKey(NO_SIGNAL_KEY, { weight: -1, anchorAt: hours(0) }, H)).toBeNull();
  });

  it("recomputes an exact key after an unvote that leaves only an old small signal", () => {
    const events = [event(0.2, -24 * 60), event(1, 0), event(-1, 0)];
    expect(trendKeyOf(events, H)).toBe(trendKeyOf([event(0.2, -24 * 60)], H));
  });

  it("orders equal histories as exact ties", () => {
    expect(trendKeyOf([event(1, 0), event(1, 0)], H)).toBe(trendKeyOf([event(2, 0)], H));
    // Two votes one half-life ago weigh exactly what one vote now does.
    expect(trendKeyOf([event(2, -H)], H)).toBe(trendKeyOf([event(1, 0)], H));
  });

  it("lets a newer equal vote outrank an older one, whatever the half-life", () => {
    for (const h of [0.5, 24, 24 * 365])
      expect(trendKeyOf([event(1, 1)], h)).toBeGreaterThan(trendKeyOf([event(1, 0)], h));
  });
});

describe("netEvents", () => {
  it("drops each unvote with one matching upvote and keeps unmatched ones", () => {
    const upA = event(1, 0);
    const upB = event(1, 0);
    const other = event(1, 2);
    const stray = event(-1, 5);
    expect(netEvents([upA, upB, other, event(-1, 0), stray])).toEqual([upA, other, stray]);
  });
});

describe("weights", () => {
  it("rank the signals: source top > upvote > click > view", () => {
    expect(sourceRankWeight(1)).toBe(3);
    expect(sourceRankWeight(9)).toBe(1);
    expect(sourceRankWeight(0)).toBe(3);
    expect(SIGNAL_WEIGHTS.upvote).toBeGreaterThan(SIGNAL_WEIGHTS.click);
    expect(SIGNAL_WEIGHTS.click).toBeGreaterThan(SIGNAL_WEIGHTS.view);
    expect(SIGNAL_WEIGHTS.unvote).toBe(-SIGNAL_WEIGHTS.upvote);
  });

  it("count imported upvotes logarithmically", () => {
    expect(importedUpvotesWeight(0)).toBe(0);
    expect(importedUpvotesWeight(1)).toBe(1);
    expect(importedUpvotesWeight(127)).toBe(7);
    expect(importedUpvotesWeight(-5)).toBe(0);
  });
});
