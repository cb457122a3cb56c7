// One RelatedIndex per open database, kept in this process so adding papers never re-reads the corpus.
// Before each use it checks the papers table: if anything besides the papers being added changed (another
// process ingested, or papers were deleted), the index is loaded again from the database.
import type { RelatedIndex } from "@/domain/related/related-index";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { clientCache, sqliteOf } from "@/server/store/sqlite/direct-connection";
import { loadIndexOn } from "./related-refresher";
import { readPapersAfter } from "./related-rows";

interface CachedIndex {
  index: RelatedIndex | null;
  /** Refreshes of one database run one after another: each reads and changes the shared lists. */
  queue: Promise<unknown>;
}

const cache = clientCache<CachedIndex>("related-index");

/** Runs `work` after every earlier related-papers job on this database has finished. */
export function serialized<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const entry = cache.get(db) ?? { index: null, queue: Promise.resolve() };
  const run = entry.queue.then(work, work);
  entry.queue = run.catch(() => undefined);
  cache.set(db, entry);
  return run;
}

/** Remembers an index as this process's current one for the database. */
export function keepIndex(db: Db, index: RelatedIndex): void {
  const entry = cache.get(db);
  if (entry) entry.index = index;
  else cache.set(db, { index, queue: Promise.resolve() });
}

/** Forgets the index (after a failed write, so the next use reloads what the database really holds). */
export function dropIndex(db: Db): void {
  const entry = cache.get(db);
  if (entry) entry.index = null;
}

/**
 * The index, up to date with the database including the just-added `newIds` (which have no lists yet).
 * Call inside `serialized`.
 */
export function indexWith(db: Db, newIds: ReadonlySet<number>): RelatedIndex {
  const cached = cache.get(db)?.index;
  if (cached) {
    const { documents: arrived, paperCount } = readPapersAfter(db, cached.maxPaperId);
    if (arrived.every((d) => newIds.has(d.paperId)) && paperCount === cached.size + arrived.length) {
      cached.add(arrived);
      return cached;
    }
  }
  const index = loadIndexOn(sqliteOf(db));
  keepIndex(db, index);
  return index;
}
