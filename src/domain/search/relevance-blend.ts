// The ranking formula for sort=relevance, blending how well a paper matches with how much it trends.
//
//   text(p)   = (bm25(p) / bm25(best))³         ∈ (0, 1]   the best text match among candidates is 1;
//                                                          cubed because bm25 ratios between matching
//                                                          papers are compressed (0.9 is a clear gap)
//   trend(p)  = clamp(1 − (K_top − K_p) / 10)   ∈ [0, 1]   K = trendKey (log2 of the trending score);
//                                                          a paper 2¹⁰ ≈ 1000× less trending than the
//                                                          top candidate, or without signal, gets 0
//   score(p)  = 0.75 · text(p) + 0.25 · trend(p)
//
// Relevance dominates: trending can reorder papers whose text matches are within ~⅓ of each other,
// never lift a weak match over a strong one. trendKey ratios do not depend on the clock, so the
// blend needs no `now`.
import { NO_SIGNAL_KEY } from "@/domain/trending";

export const TEXT_WEIGHT = 0.75;
export const TREND_WEIGHT = 0.25;
/** Trend keys this many halvings below the top candidate count as not trending at all. */
export const TREND_SPAN = 10;
export const TEXT_SHARPNESS = 3;

/** bm25 as SQLite reports it: negative, lower is better. */
export function textRelevance(bm25: number, bestBm25: number): number {
  if (!(bestBm25 < 0) || !(bm25 < 0)) return bm25 === bestBm25 ? 1 : 0;
  return Math.min(1, bm25 / bestBm25) ** TEXT_SHARPNESS;
}

export function trendFactor(trendKey: number, topTrendKey: number): number {
  if (trendKey <= NO_SIGNAL_KEY || topTrendKey <= NO_SIGNAL_KEY) return 0;
  return Math.max(0, Math.min(1, 1 - (topTrendKey - trendKey) / TREND_SPAN));
}

export function blendedScore(text: number, trend: number): number {
  return TEXT_WEIGHT * text + TREND_WEIGHT * trend;
}

export interface RankCandidate {
  id: number;
  bm25: number;
  trendKey: number;
  feedAt: Date;
}

/** Orders candidates for a sort; every result carries its text relevance, whatever the order. */
export function orderCandidates(
  candidates: readonly RankCandidate[],
  sort: "relevance" | "trending" | "new",
): { id: number; relevance: number }[] {
  if (candidates.length === 0) return [];
  const bestBm25 = Math.min(...candidates.map((c) => c.bm25));
  const topKey = Math.max(...candidates.map((c) => c.trendKey));
  const scored = candidates.map((c) => {
    const relevance = textRelevance(c.bm25, bestBm25);
    return { ...c, relevance, score: blendedScore(relevance, trendFactor(c.trendKey, topKey)) };
  });
  const order = {
    relevance: (a: (typeof scored)[number], b: (typeof scored)[number]) => b.score - a.score || a.id - b.id,
    trending: (a: (typeof scored)[number], b: (typeof scored)[number]) => b.trendKey - a.trendKey || a.id - b.id,
    new: (a: (typeof scored)[number], b: (typeof scored)[number]) =>
      b.feedAt.getTime() - a.feedAt.getTime() || b.id - a.id,
  }[sort];
  return scored.sort(order).map(({ id, relevance }) => ({ id, relevance }));
}
