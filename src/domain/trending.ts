// Trending math: score(paper, t) = Σ weight(e) · 2^(−(t − anchor_e)/H) over the paper's events.
// The stored key is log2 Σ weight(e) · 2^((anchor_e − EPOCH)/H): ordering by it equals ordering by
// score at any time t, because score(t) = 2^(key − (t − EPOCH)/H) is monotone in key for a fixed t.

export type SignalKind = "upvote" | "unvote" | "view" | "click" | "source_rank" | "hf_upvotes";

/** Weights of one event of each kind, in "upvote units". The reasons are repeated in docs/trending.md. */
export const SIGNAL_WEIGHTS = {
  // A reader deliberately said "this is worth reading": the strongest signal we collect.
  upvote: 1,
  // Removing an upvote cancels exactly what it added (same weight, same anchor time).
  unvote: -1,
  // A page view is cheap and noisy (curiosity, not endorsement): a tenth of an upvote.
  view: 0.1,
  // A click from a digest means someone chose it among ten: stronger than a view, weaker than a vote.
  click: 0.3,
} as const;

/** Weight of seeing a paper at rank r (1 = top) on an external trending list: 3 at the top, fading as 1/√r. */
export function sourceRankWeight(rank: number): number {
  // An external list's top reflects many readers' attention, but it is someone else's ranking.
  return 3 / Math.sqrt(Math.max(1, rank));
}

/** Weight of an imported upvote count: logarithmic, since external counts are large and heavy-tailed. */
export function importedUpvotesWeight(upvotes: number): number {
  // 10 HF upvotes ≈ 3.5, 100 ≈ 6.7: counted, but they cannot drown our own readers' votes.
  return Math.log2(1 + Math.max(0, upvotes));
}

/** Anchor of all keys: keeps exponents small. Any fixed instant works; the order does not depend on it. */
export const TREND_EPOCH_MS = Date.UTC(2024, 0, 1);

/** Key of a paper with no signal at all: sorts below every paper that has one. */
export const NO_SIGNAL_KEY = -1e9;

const HOUR_MS = 3_600_000;

export interface TrendEvent {
  weight: number;
  anchorAt: Date;
}

/** log2 of one event's contribution, measured from the epoch; only for positive weights. */
function logContribution(weight: number, anchorAt: Date, halfLifeHours: number): number {
  return Math.log2(weight) + (anchorAt.getTime() - TREND_EPOCH_MS) / (halfLifeHours * HOUR_MS);
}

/**
 * Adds one event to a stored key in O(1), in the log domain so nothing overflows however much time passes.
 * A negative weight subtracts; if the sum reaches zero (or below, by rounding) the key falls back to NO_SIGNAL_KEY.
 */
export function addToTrendKey(key: number, event: TrendEvent, halfLifeHours: number): number {
  if (event.weight === 0) return key;
  const term = logContribution(Math.abs(event.weight), event.anchorAt, halfLifeHours);
  const hasSignal = key > NO_SIGNAL_KEY;
  if (event.weight > 0) {
    if (!hasSignal) return term;
    const hi = Math.max(key, term);
    const lo = Math.min(key, term);
    return hi + Math.log2(1 + 2 ** (lo - hi));
  }
  if (!hasSignal || term >= key) return NO_SIGNAL_KEY;
  const remainder = 1 - 2 ** (term - key);
  // Below this the sum is rounding noise of an exact cancellation (e.g. an upvote and its removal).
  return remainder < 1e-9 ? NO_SIGNAL_KEY : key + Math.log2(remainder);
}

/** The key of a whole event history (what the stored key must equal). */
export function trendKeyOf(events: readonly TrendEvent[], halfLifeHours: number): number {
  return events.reduce((key, event) => addToTrendKey(key, event, halfLifeHours), NO_SIGNAL_KEY);
}

/** The score at time `now` recomputed from the events: Σ w · 2^(−(now − anchor)/H). */
export function decayedScore(events: readonly TrendEvent[], now: Date, halfLifeHours: number): number {
  const score = events.reduce(
    (sum, e) => sum + e.weight * 2 ** (-(now.getTime() - e.anchorAt.getTime()) / (halfLifeHours * HOUR_MS)),
    0,
  );
  return Math.abs(score) < 1e-12 ? 0 : score;
}

/** The score at `now` from a stored key, without touching the events. */
export function scoreFromKey(key: number, now: Date, halfLifeHours: number): number {
  if (key <= NO_SIGNAL_KEY) return 0;
  return 2 ** (key - (now.getTime() - TREND_EPOCH_MS) / (halfLifeHours * HOUR_MS));
}
