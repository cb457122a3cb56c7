// Which readers an edition is for, shared by both engines: daily readers every day, weekly readers on their
// weekday only (anything but "weekly" counts as daily, so an odd stored value never silences a reader).

/** The subscriber columns composing a digest needs. */
export const RECIPIENT_SELECT = {
  id: true,
  email: true,
  topics: true,
  query: true,
  authors: true,
  cadence: true,
  lastDigestAt: true,
  manageTokenHash: true,
} as const;

/** Prisma's `where` for readers due on `weekday` ("mon".."sun"). */
export function dueOnWeekday(weekday: string) {
  return { OR: [{ cadence: { not: "weekly" } }, { weekday }] };
}

/** The same condition as SQL over a "Subscriber" row, with one parameter: the weekday. */
export const DUE_ON_WEEKDAY_SQL = `("cadence" <> 'weekly' OR "weekday" = ?)`;
