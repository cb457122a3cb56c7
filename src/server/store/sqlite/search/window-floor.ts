// The lowest paper id inside a feed window ("feedAt" ≥ since). Search passes it to FTS5 as
// `rowid >= floor`, so FTS5 seeks inside its doclists instead of reading and scoring every match of
// the whole corpus and leaving the join to drop all but the window's few. It only narrows what FTS5
// reads: the "feedAt" filter stays in the query, so ids and dates may disagree (an old paper re-dated,
// an archive imported after recent papers) and the answer is the same, only less accelerated.
import type { Sqlite } from "@/server/store/sqlite/direct-connection";
import { statement } from "./statements";

/** A window holding more papers than this is not worth a floor: reading them costs more than it saves. */
export const MAX_WINDOW_PAPERS = 60_000;
/** A floor found for an earlier start serves later starts this long (it is then a little loose). */
const MAX_SLACK_MS = 10 * 60_000;
const MAX_ENTRIES = 8;

interface Floor {
  sinceMs: number;
  /** null: the window holds too many papers for a floor to help. */
  floor: number | null;
  version: string;
}

const floors = new WeakMap<Sqlite, Floor[]>();

/**
 * Changes whenever anything is committed: `data_version` moves on other connections' commits (other
 * processes, Prisma's connection), `total_changes()` on this connection's own writes.
 */
export function dataVersion(sqlite: Sqlite): string {
  const row = statement(sqlite, `SELECT total_changes() AS changes`).get() as { changes: number };
  const data = statement(sqlite, `PRAGMA data_version`).get() as { data_version: number };
  return `${data.data_version}:${row.changes}`;
}

function computeFloor(sqlite: Sqlite, since: string): number | null {
  const row = statement(
    sqlite,
    `SELECT min("id") AS floor, count(*) AS n FROM (SELECT "id" FROM "Paper" INDEXED BY "Paper_feedAt_trendKey_idx"
     WHERE "feedAt" >= ? LIMIT ${MAX_WINDOW_PAPERS + 1})`,
  ).get(since) as { floor: number | null; n: number };
  if (row.n > MAX_WINDOW_PAPERS) return null;
  // An empty window: no id can match, any floor above every id says so.
  return row.floor ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The floor for papers with "feedAt" ≥ `since` (stored text), or null when it would not help. Cached
 * per connection until the next commit; a floor found for an earlier start is a valid (looser) floor
 * for a later one, since every paper in the later window is in the earlier one.
 */
export function windowFloor(sqlite: Sqlite, since: Date, stored: string): number | null {
  const version = dataVersion(sqlite);
  const sinceMs = since.getTime();
  const valid = (floors.get(sqlite) ?? []).filter((f) => f.version === version);
  const usable = valid
    .filter((f) => f.sinceMs <= sinceMs && sinceMs - f.sinceMs <= MAX_SLACK_MS)
    .sort((a, b) => b.sinceMs - a.sinceMs)[0];
  if (usable) return usable.floor;
  const floor = computeFloor(sqlite, stored);
  floors.set(sqlite, [{ sinceMs, floor, version }, ...valid].slice(0, MAX_ENTRIES));
  return floor;
}
