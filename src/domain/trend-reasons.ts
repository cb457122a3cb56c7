// Turns a paper's signal counts into the plain-words reasons a card shows ("12 upvotes today · new"),
// strongest first by what each signal adds to the score now, each with the numbers as a detail.
import { MIN_READERS_TO_SHOW } from "./reader-privacy";

export interface TrendReason {
  /** Short, for the card: "12 upvotes today". */
  text: string;
  /** The numbers behind it, for hover/focus. */
  detail: string;
}

export interface TrendFacts {
  /** Current score (decayed), and what each kind of signal contributes to it. */
  score: number;
  votes: { today: number; week: number; total: number; contribution: number };
  views: { today: number; week: number; contribution: number };
  clicks: { week: number; contribution: number };
  /** Best position seen on an imported trending list. */
  sourceRank: { best: number; source: string | null; contribution: number } | null;
  /** Largest upvote count an import reported. */
  importedUpvotes: { count: number; source: string | null; contribution: number } | null;
  feedAt: Date;
  /** Whether feedAt is the publication date (else it is when we first saw the paper). */
  published: boolean;
}

const DAY_MS = 86_400_000;
export const MAX_REASONS = 4;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function formatScore(value: number): string {
  if (value >= 100) return value.toFixed(0);
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatAge(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return minutes <= 1 ? "just now" : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${count(hours, "hour")} ago` : `${count(Math.round(hours / 24), "day")} ago`;
}

function share(contribution: number, score: number): string {
  const percent = score > 0 ? Math.round((100 * contribution) / score) : 0;
  return `adds ${formatScore(contribution)} to today's score of ${formatScore(score)} (${percent}%)`;
}

interface Candidate extends TrendReason {
  weight: number;
}

function candidates(f: TrendFacts): Candidate[] {
  const list: Candidate[] = [];
  const { votes, views, clicks, sourceRank, importedUpvotes } = f;
  if (votes.week > 0 || votes.total > 0) {
    const text =
      votes.today > 0
        ? `${count(votes.today, "upvote")} today`
        : votes.week > 0
          ? `${count(votes.week, "upvote")} this week`
          : count(votes.total, "upvote");
    const detail = `${count(votes.today, "upvote")} in the last 24 hours, ${votes.week.toLocaleString("en-US")} in 7 days, ${votes.total.toLocaleString("en-US")} in all; ${share(votes.contribution, f.score)}`;
    list.push({ text, detail, weight: votes.contribution });
  }
  if (views.week > 0) {
    const detail = `${count(views.today, "reader")} today, ${views.week.toLocaleString("en-US")} in 7 days (one view per reader a day); ${share(views.contribution, f.score)}`;
    list.push({ text: `${count(views.week, "view")} this week`, detail, weight: views.contribution });
  }
  if (clicks.week >= MIN_READERS_TO_SHOW) {
    const detail = `${count(clicks.week, "reader")} opened it from the email digest in 7 days; ${share(clicks.contribution, f.score)}`;
    list.push({ text: `${count(clicks.week, "digest click")} this week`, detail, weight: clicks.contribution });
  } else if (clicks.week > 0) {
    // A number this small could tell who follows the paper's topics: neither the count nor its share is shown.
    const detail = `Opened from the email digest by fewer than ${MIN_READERS_TO_SHOW} readers in 7 days (the exact number is not shown)`;
    list.push({ text: "digest clicks this week", detail, weight: clicks.contribution });
  }
  if (sourceRank) {
    const where = sourceRank.source ? `the ${sourceRank.source} trending list` : "an imported trending list";
    const detail = `Best position seen on ${where}: #${sourceRank.best}; ${share(sourceRank.contribution, f.score)}`;
    list.push({ text: `#${sourceRank.best} on the source list`, detail, weight: sourceRank.contribution });
  }
  if (importedUpvotes) {
    const where = importedUpvotes.source ? `on ${importedUpvotes.source}` : "at the source";
    const detail = `${count(importedUpvotes.count, "upvote")} reported ${where} (counted logarithmically); ${share(importedUpvotes.contribution, f.score)}`;
    list.push({
      text: `${count(importedUpvotes.count, "upvote")} at the source`,
      detail,
      weight: importedUpvotes.contribution,
    });
  }
  return list;
}

/** The main reasons for a paper's place, strongest first; a fresh paper also gets "new". Never empty. */
export function trendReasons(facts: TrendFacts, now: Date, max = MAX_REASONS): TrendReason[] {
  // A stable sort keeps the listing order (votes, views, clicks, source) for equal contributions.
  const ranked = candidates(facts).sort((a, b) => b.weight - a.weight);
  const reasons: TrendReason[] = ranked.slice(0, max).map(({ text, detail }) => ({ text, detail }));
  const age = now.getTime() - facts.feedAt.getTime();
  if (age >= 0 && age < DAY_MS) {
    const detail = `${facts.published ? "Published" : "First seen"} ${formatAge(facts.feedAt, now)}`;
    reasons.push({ text: "new", detail });
  }
  if (reasons.length === 0) {
    reasons.push({
      text: "no signals yet",
      detail: "No votes, views, clicks or source rankings yet, so its score is 0",
    });
  }
  return reasons;
}
