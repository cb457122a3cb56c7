// Which papers are "new" for a reader: first seen since their last digest (first digest: the last day, or
// the last week for a weekly reader).
// firstSeenAt, not publishedAt: a paper published last week but imported today is still news to the reader.

const DAY_MS = 86_400_000;

/** A reader back from a long pause gets the last week, not months of backlog. */
export const MAX_WINDOW_DAYS = 7;

/** `firstWindowDays`: how far a first digest reaches back (a weekly reader's first one covers the week). */
export function digestWindowStart(lastDigestAt: Date | null, now: Date, firstWindowDays = 1): Date {
  const oldest = now.getTime() - MAX_WINDOW_DAYS * DAY_MS;
  const start = lastDigestAt ? lastDigestAt.getTime() : now.getTime() - firstWindowDays * DAY_MS;
  return new Date(Math.max(start, oldest));
}

/** The earliest start any reader can have: the run loads candidates from here once. */
export function earliestWindowStart(now: Date): Date {
  return new Date(now.getTime() - MAX_WINDOW_DAYS * DAY_MS);
}
