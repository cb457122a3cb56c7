// How the PostgreSQL store passes values to raw SQL: instants as ISO strings cast to timestamp(3) (the
// columns hold UTC, as Prisma writes them), row sets as one JSON parameter expanded by jsonb_to_recordset.

export function pgTimestamp(date: Date): string {
  return date.toISOString();
}

/** A raw row's timestamp (Prisma returns Date; a string without zone is UTC). */
export function fromPgTimestamp(value: Date | string | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
