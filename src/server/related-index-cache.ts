// One RelatedIndex per open database, kept in this process so adding papers never re-reads the corpus.
// Before each use it checks the papers table: if anything besides the papers being added changed (another
// process ingested, or papers were deleted), the index is loaded again from the database.
import type { RelatedEntry } from "../domain/related/related-list";
import { RelatedIndex, type RelatedDocument } from "../domain/related/related-index";
import type { Db } from "./db";

const PAGE = 5000;

interface CachedIndex {
  index: RelatedIndex | null;
  /** Refreshes of one database run one after another: each reads and changes the shared lists. */
  queue: Promise<unknown>;
}

const globalForRelated = globalThis as unknown as { paperDigestRelated?: WeakMap<Db, CachedIndex> };
const cache = (globalForRelated.paperDigestRelated ??= new WeakMap());

/** Runs `work` after every earlier related-papers job on this database has finished. */
export function serialized<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const entry = cache.get(db) ?? { index: null, queue: Promise.resolve() };
  const run = entry.queue.then(work, work);
  entry.queue = run.catch(() => undefined);
  cache.set(db, entry);
  return run;
}

/** Papers (clean title and abstract) with ids above `afterId`, a page at a time. */
async function* documentPages(db: Db, afterId: number): AsyncGenerator<RelatedDocument[]> {
  for (let cursor = afterId; ; ) {
    const rows = await db.paper.findMany({
      where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: PAGE,
      select: { id: true, titleText: true, abstractText: true },
    });
    if (rows.length === 0) return;
    yield rows.map((row) => ({ paperId: row.id, title: row.titleText, abstract: row.abstractText }));
    cursor = rows[rows.length - 1]!.id;
  }
}

async function documentsAfter(db: Db, afterId: number): Promise<RelatedDocument[]> {
  const documents: RelatedDocument[] = [];
  for await (const page of documentPages(db, afterId)) documents.push(...page);
  return documents;
}

/** Every stored list, into the index (paper ids ascending, a range at a time). */
async function loadLists(db: Db, index: RelatedIndex): Promise<void> {
  const lists = new Map<number, RelatedEntry[]>();
  for (let from = 0; from < index.maxPaperId; from += PAGE) {
    const rows = await db.relatedPaper.findMany({
      where: { paperId: { gt: from, lte: from + PAGE } }, orderBy: [{ paperId: "asc" }, { rank: "asc" }],
      select: { paperId: true, relatedId: true, score: true },
    });
    for (const row of rows) {
      const list = lists.get(row.paperId) ?? [];
      list.push({ paperId: row.relatedId, score: row.score });
      lists.set(row.paperId, list);
    }
  }
  for (const [paperId, list] of lists) index.setList(paperId, list);
}

/** A new index over every stored paper, with the stored lists unless `withLists` is false. */
export async function loadIndex(db: Db, withLists = true): Promise<RelatedIndex> {
  const index = new RelatedIndex();
  // All documents go in at once, so every vector is weighted with the document frequencies of the whole corpus.
  index.add(await documentsAfter(db, 0));
  if (withLists) await loadLists(db, index);
  return index;
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
export async function indexWith(db: Db, newIds: ReadonlySet<number>): Promise<RelatedIndex> {
  const cached = cache.get(db)?.index;
  if (cached) {
    const arrived = await documentsAfter(db, cached.maxPaperId);
    const total = await db.paper.count();
    if (arrived.every((d) => newIds.has(d.paperId)) && total === cached.size + arrived.length) {
      cached.add(arrived);
      return cached;
    }
  }
  const index = await loadIndex(db);
  keepIndex(db, index);
  return index;
}
