// Property: ordering papers by the O(1)-maintained key equals ordering by the score recomputed from events.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToTrendKey,
  decayedScore,
  NO_SIGNAL_KEY,
  SIGNAL_WEIGHTS,
  sourceRankWeight,
  trendKeyOf,
  type TrendEvent,
} from "../../src/domain/trending";

const T0 = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;

type Op = { paper: number; kind: "upvote" | "view" | "click" | "rank" | "unvote"; hour: number; rank: number };

const opArb = (papers: number) =>
  fc.record({
    paper: fc.integer({ min: 0, max: papers - 1 }),
    kind: fc.constantFrom<Op["kind"]>("upvote", "upvote", "view", "click", "rank", "unvote", "unvote", "unvote"),
    // Clustered times make exact ties and far-apart events (a month of half-lives) common.
    hour: fc.oneof(fc.constantFrom(0, 1, 360, 720), fc.double({ min: 0, max: 24 * 30, noNaN: true })),
    rank: fc.integer({ min: 1, max: 300 }),
  });

/** Applies the stream the way recordSignals does: O(1) folds, a recompute only when the fold asks for one. */
function simulate(ops: Op[], papers: number, halfLife: number) {
  const events: TrendEvent[][] = Array.from({ length: papers }, () => []);
  const openVotes: Date[][] = Array.from({ length: papers }, () => []);
  const keys = new Array<number>(papers).fill(NO_SIGNAL_KEY);
  for (const op of ops) {
    const at = new Date(T0 + Math.round(op.hour * HOUR));
    let e: TrendEvent;
    if (op.kind === "unvote") {
      const anchorAt = openVotes[op.paper]!.shift();
      if (!anchorAt) continue;
      e = { weight: SIGNAL_WEIGHTS.unvote, anchorAt };
    } else {
      const weight = op.kind === "rank" ? sourceRankWeight(op.rank) : SIGNAL_WEIGHTS[op.kind];
      if (op.kind === "upvote") openVotes[op.paper]!.push(at);
      e = { weight, anchorAt: at };
    }
    events[op.paper]!.push(e);
    keys[op.paper] = addToTrendKey(keys[op.paper]!, e, halfLife) ?? trendKeyOf(events[op.paper]!, halfLife);
  }
  return { events, keys };
}

describe("trend key order (property)", () => {
  it("matches the order of the recomputed decayed sums at any query time", () => {
    const scenario = fc.integer({ min: 2, max: 6 }).chain((papers) =>
      fc.record({
        papers: fc.constant(papers),
        ops: fc.array(opArb(papers), { maxLength: 60 }),
        halfLife: fc.constantFrom(6, 24, 72),
        queryHour: fc.oneof(fc.constantFrom(0, 720), fc.double({ min: -24, max: 24 * 45, noNaN: true })),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ papers, ops, halfLife, queryHour }) => {
        const { events, keys } = simulate(ops, papers, halfLife);
        const now = new Date(T0 + queryHour * HOUR);
        const scores = events.map((list) => decayedScore(list, now, halfLife));
        for (let i = 0; i < papers; i++) {
          for (let j = 0; j < papers; j++) {
            // Exact ties may come out in either order; anything beyond rounding must agree.
            if (keys[i]! > keys[j]!) expect(scores[i]!).toBeGreaterThanOrEqual(scores[j]! * (1 - 1e-9));
            if (scores[i]! > scores[j]! * (1 + 1e-9)) expect(keys[i]!).toBeGreaterThan(keys[j]!);
          }
        }
        // The folded key also equals the key of the whole history.
        events.forEach((list, p) => {
          const exact = trendKeyOf(list, halfLife);
          if (exact === NO_SIGNAL_KEY) expect(keys[p]).toBe(NO_SIGNAL_KEY);
          else expect(Math.abs(keys[p]! - exact)).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 500 },
    );
  });
});
