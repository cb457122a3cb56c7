// The store's one date encoding: a DateTime exactly as the better-sqlite3 adapter stores it (ISO 8601 with
// "+00:00"), so rows written by Prisma and by direct SQL compare correctly as text.

export function storedDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
