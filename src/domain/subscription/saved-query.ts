// A saved query: what a subscription follows (topics, free-text search words, authors) and when it is
// mailed (daily, or weekly on one weekday in DIGEST_TZ). Bounded so one reader cannot make a run expensive.
import { authorKey } from "@/domain/authors/author-key";
import { MAX_QUERY_CHARS } from "@/domain/search/sanitize-query";

export const CADENCES = ["daily", "weekly"] as const;
export type Cadence = (typeof CADENCES)[number];
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const DEFAULT_WEEKDAY: Weekday = "mon";

export const MAX_AUTHORS = 20;
const MAX_AUTHOR_CHARS = 100;

export interface SavedQuery {
  /** Catalogue topic slugs. */
  topics: string[];
  /** Search words as typed (the search syntax); "" for none. */
  query: string;
  /** Author names as written. */
  authors: string[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Trims and collapses spaces; too long is an error, not a silent cut. */
export function normaliseQuery(text: string): Checked<string> {
  const query = text.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (query.length > MAX_QUERY_CHARS)
    return { ok: false, message: `The search is at most ${MAX_QUERY_CHARS} characters (it has ${query.length}).` };
  return { ok: true, value: query };
}

/** Names separated by commas, semicolons or new lines; kept as written, one per author key. */
export function normaliseAuthors(input: readonly string[]): Checked<string[]> {
  const byKey = new Map<string, string>();
  for (const entry of input) {
    for (const piece of entry.split(/[,;\n]/)) {
      const name = piece.normalize("NFC").replace(/\s+/g, " ").trim();
      const key = authorKey(name);
      if (key === "") continue;
      if (name.length > MAX_AUTHOR_CHARS)
        return { ok: false, message: `Each author name is at most ${MAX_AUTHOR_CHARS} characters.` };
      if (!byKey.has(key)) byKey.set(key, name);
    }
  }
  if (byKey.size > MAX_AUTHORS) return { ok: false, message: `Follow at most ${MAX_AUTHORS} authors.` };
  return { ok: true, value: [...byKey.values()] };
}

/** The weekday of an edition date "YYYY-MM-DD" (the date is already in DIGEST_TZ). */
export function weekdayOf(date: string): Weekday {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return WEEKDAYS[(day + 6) % 7]!;
}

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
