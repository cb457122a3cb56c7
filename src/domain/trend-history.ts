// A paper's trend over the last days: the trending score (trending.ts, decayedScore) at the end of each UTC
// day, from the signals that had happened by then. Today's point is the score right now.
import { decayedScore, type TrendEvent } from "./trending";

export interface HistoryEvent extends TrendEvent {
  /** When the signal happened (an unvote happens later than the upvote it cancels, its anchor). */
  at: Date;
}

export interface HistoryPoint {
  /** The UTC day, "YYYY-MM-DD". */
  day: string;
  /** The score at the end of that day (now, for today), rounded to 3 decimals. */
  score: number;
}

export const HISTORY_DAYS = 14;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Signals older than this many half-lives before the first day add less than 2^-40 of their weight. */
const NEGLIGIBLE_HALF_LIVES = 40;

/** The earliest signal anchor that can still change a history point: older ones may be left unread. */
export function historyHorizon(now: Date, halfLifeHours: number, days = HISTORY_DAYS): Date {
  return new Date(historyStart(now, days) - NEGLIGIBLE_HALF_LIVES * halfLifeHours * HOUR_MS);
}

function historyStart(now: Date, days: number): number {
  return Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
}

/** One point per day, oldest first, today last. */
export function trendHistory(
  events: readonly HistoryEvent[],
  now: Date,
  halfLifeHours: number,
  days = HISTORY_DAYS,
): HistoryPoint[] {
  const first = historyStart(now, days);
  return Array.from({ length: days }, (_, i) => {
    const dayStart = first + i * DAY_MS;
    const at = new Date(Math.min(dayStart + DAY_MS, now.getTime()));
    // The end of a day is the first instant of the next: what happened at exactly midnight counts tomorrow.
    const happened = events.filter((e) => (at.getTime() === now.getTime() ? e.at <= at : e.at < at));
    const score = decayedScore(happened, at, halfLifeHours);
    return { day: new Date(dayStart).toISOString().slice(0, 10), score: Math.round(score * 1000) / 1000 };
  });
}
