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

/**
 * A subtraction that leaves less than this share of the sum is recomputed from the events instead:
 * the stored double carries ~1e-16 relative error, so a tiny remainder would be mostly rounding noise.
 */
export const CANCELLATION_LIMIT = 1e-4;

const HOUR_MS = 3_600_000;

export interface TrendEvent {
  weight: number;
  anchorAt: Date;
}

/** log2 of one event's |contribution|, measured from the epoch. */
function logTerm(weight: number, anchorAt: Date, halfLifeHours: number): number {
  return Math.log2(Math.abs(weight)) + (anchorAt.getTime() - TREND_EPOCH_MS) / (halfLifeHours * HOUR_MS);
}

/** log2(2^a + 2^b) without overflow, exact to a few ulps. */
function logAdd(a: number, b: number): number {
  if (a <= NO_SIGNAL_KEY) return b;
  if (b <= NO_SIGNAL_KEY) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(2 ** (Math.min(a, b) - hi)) / Math.LN2;
}

/**
 * Adds one event to a stored key in O(1), in the log domain so nothing overflows however much time passes.
 * Returns null when a negative event cancels (almost) all of the sum: the caller must then recompute the
 * key from the paper's events with trendKeyOf, which nets an unvote against its upvote exactly.
 */
export function addToTrendKey(key: number, event: TrendEvent, halfLifeHours: number): number | null {
  if (event.weight === 0) return key;
  const term = logTerm(event.weight, event.anchorAt, halfLifeHours);
  if (event.weight > 0) return logAdd(key, term);
  if (key <= NO_SIGNAL_KEY || term >= key) return null;
  // log2(1 − 2^d) = log2(−expm1(d·ln 2)) keeps full precision when d is close to 0.
  const remainder = -Math.expm1((term - key) * Math.LN2);
  return remainder < CANCELLATION_LIMIT ? null : key + Math.log2(remainder);
}

/** Drops each negative event together with one positive event it cancels (same |weight|, same anchor). */
export function netEvents<E extends TrendEvent>(events: readonly E[]): E[] {
  const open = new Map<string, number[]>();
  const kept: (E | null)[] = [];
  const unmatched: E[] = [];
  for (const event of events) {
    if (event.weight <= 0) continue;
    const id = `${event.weight}@${event.anchorAt.getTime()}`;
    const slots = open.get(id);
    if (slots) slots.push(kept.length);
    else open.set(id, [kept.length]);
    kept.push(event);
  }
  for (const event of events) {
    if (event.weight >= 0) continue;
    const slots = open.get(`${-event.weight}@${event.anchorAt.getTime()}`);
    const slot = slots?.pop();
    if (slot === undefined) unmatched.push(event);
    else kept[slot] = null;
  }
  return [...kept.filter((e): e is E => e !== null), ...unmatched];
}

/** The exact key of a whole event history: what the stored key stands for. */
export function trendKeyOf(events: readonly TrendEvent[], halfLifeHours: number): number {
  let positive = NO_SIGNAL_KEY;
  let negative = NO_SIGNAL_KEY;
  for (const e of netEvents(events)) {
    const term = logTerm(e.weight, e.anchorAt, halfLifeHours);
    if (e.weight > 0) positive = logAdd(positive, term);
    else if (e.weight < 0) negative = logAdd(negative, term);
  }
  if (negative <= NO_SIGNAL_KEY) return positive;
  if (negative >= positive) return NO_SIGNAL_KEY;
  return positive + Math.log2(-Math.expm1((negative - positive) * Math.LN2));
}

/** The score at time `now` recomputed from the events: Σ w · 2^(−(now − anchor)/H). */
export function decayedScore(events: readonly TrendEvent[], now: Date, halfLifeHours: number): number {
  const score = netEvents(events).reduce(
    (sum, e) => sum + e.weight * 2 ** (-(now.getTime() - e.anchorAt.getTime()) / (halfLifeHours * HOUR_MS)),
    0,
  );
  return score > 0 ? score : 0;
}

/** The score at `now` from a stored key, without touching the events. */
export function scoreFromKey(key: number, now: Date, halfLifeHours: number): number {
  if (key <= NO_SIGNAL_KEY) return 0;
  return 2 ** (key - (now.getTime() - TREND_EPOCH_MS) / (halfLifeHours * HOUR_MS));
}
