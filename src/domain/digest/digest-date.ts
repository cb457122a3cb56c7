// A digest edition is named by its calendar date in the digest's time zone (DIGEST_TZ).

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// Intl formatters are costly to build (hundreds of µs): build each once, reuse for every mail.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
});
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of `now` in `timeZone` (en-CA formats dates in ISO order). */
export function digestDateOf(now: Date, timeZone: string): string {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isDigestDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** "Thursday, 26 November 2026": for headers and pages. */
export function formatDigestDate(date: string): string {
  return remembered(longDates, date, () => LONG_DATE.format(new Date(`${date}T12:00:00Z`)));
}

/** "26 Nov 2026": short enough for a subject line. */
export function formatShortDigestDate(date: string): string {
  return remembered(shortDates, date, () => SHORT_DATE.format(new Date(`${date}T12:00:00Z`)));
}

// Every mail of an edition formats the same date, and even a reused Intl formatter took ~2% of a digest
// instance's CPU (bench:digest, CPU profile): each distinct date is formatted once. Bounded: a long-running
// server sees a new date a day.
const longDates = new Map<string, string>();
const shortDates = new Map<string, string>();

function remembered(cache: Map<string, string>, date: string, format: () => string): string {
  let formatted = cache.get(date);
  if (formatted === undefined) {
    if (cache.size >= 1_000) cache.clear();
    cache.set(date, (formatted = format()));
  }
  return formatted;
}

/** The date `days` days after (or before, if negative) a digest date. */
export function shiftDigestDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
