// Reads and writes related-list rows and the papers' text on the direct SQLite connection (sqlite-direct.ts):
// prepared statements cost a few microseconds each where a Prisma statement costs ~0.5 ms, and related lists
// are refreshed after every ingest batch. SQLite-specific by design; the related SQL lives here only.
import type { RelatedDocument } from "@/domain/related/related-index";
import type { RelatedEntry } from "@/domain/related/related-list";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { withoutBusyWait } from "@/server/store/sqlite/busy-wait";
import { sqliteOf, type Sqlite } from "@/server/store/sqlite/direct-connection";
import { packLists, type PackedLists } from "./packed-lists";

function prepare(sqlite: Sqlite) {
  return {
    documentsAfter: sqlite.prepare(
      `SELECT "id" AS "paperId", "titleText" AS "title", "abstractText" AS "abstract" FROM "Paper" WHERE "id" > ? ORDER BY "id"`,
    ),
    documentsBetween: sqlite.prepare(
      `SELECT "id" AS "paperId", "titleText" AS "title", "abstractText" AS "abstract" FROM "Paper" WHERE "id" > ? AND "id" <= ? ORDER BY "id"`,
    ),
    paperCount: sqlite.prepare(`SELECT count(*) FROM "Paper"`).pluck(),
    // Papers up to an id: the total (counted on the smallest index) minus the few above it (a rowid range).
    papersUpTo: sqlite
      .prepare(`SELECT (SELECT count(*) FROM "Paper") - (SELECT count(*) FROM "Paper" WHERE "id" > ?)`)
      .pluck(),
    storedRows: sqlite
      .prepare(`SELECT "paperId", "relatedId", "score" FROM "RelatedPaper" ORDER BY "paperId", "rank"`)
      .raw(),
    // A place that already holds the same entry is left alone: nothing to rewrite in the table or its indexes.
    upsert: sqlite.prepare(
      `INSERT INTO "RelatedPaper" ("paperId", "rank", "relatedId", "score") VALUES (?, ?, ?, ?)
       ON CONFLICT ("paperId", "rank") DO UPDATE SET "relatedId" = excluded."relatedId", "score" = excluded."score"
       WHERE "relatedId" <> excluded."relatedId" OR "score" <> excluded."score"`,
    ),
    vacate: sqlite.prepare(`DELETE FROM "RelatedPaper" WHERE "paperId" = ? AND "rank" > ?`),
    deleteAll: sqlite.prepare(`DELETE FROM "RelatedPaper"`),
    // One JSON parameter: a batch holds more ids than SQLite binds as separate parameters.
    indexed: sqlite.prepare(`DELETE FROM "PendingIndex" WHERE "paperId" IN (SELECT value FROM json_each(?))`),
  };
}

type Statements = ReturnType<typeof prepare>;
// Keyed by connection: a closed and reopened connection gets fresh statements.
const statementsOf = new WeakMap<Sqlite, Statements>();

function statementsFor(sqlite: Sqlite): { sqlite: Sqlite; sql: Statements } {
  let sql = statementsOf.get(sqlite);
  if (!sql) statementsOf.set(sqlite, (sql = prepare(sqlite)));
  return { sqlite, sql };
}

/** Papers above `afterId` (clean title and abstract) and the number of papers, read from one snapshot. */
export function readPapersAfter(db: Db, afterId: number): { documents: RelatedDocument[]; paperCount: number } {
  const { sqlite, sql } = statementsFor(sqliteOf(db));
  // A read transaction, so a commit by another process cannot fall between the two statements.
  return sqlite.transaction(() => ({
    documents: sql.documentsAfter.all(afterId) as RelatedDocument[],
    paperCount: sql.paperCount.get() as number,
  }))();
}

/**
 * Papers in (afterId, upToId] and how many papers there are up to max(afterId, upToId), from one snapshot:
 * what a background refresher reads while later batches are being committed beyond upToId.
 */
export function readPapersBetween(
  connection: Sqlite,
  afterId: number,
  upToId: number,
): { documents: RelatedDocument[]; papersUpTo: number } {
  const { sqlite, sql } = statementsFor(connection);
  return sqlite.transaction(() => ({
    documents: sql.documentsBetween.all(afterId, upToId) as RelatedDocument[],
    papersUpTo: sql.papersUpTo.get(Math.max(afterId, upToId)) as number,
  }))();
}

/** Every stored list, by paper id (entries in rank order). */
export function readStoredListsOn(connection: Sqlite): Map<number, RelatedEntry[]> {
  const lists = new Map<number, RelatedEntry[]>();
  for (const [paperId, relatedId, score] of statementsFor(connection).sql.storedRows.iterate() as IterableIterator<
    [number, number, number]
  >) {
    let list = lists.get(paperId);
    if (!list) lists.set(paperId, (list = []));
    list.push({ paperId: relatedId, score });
  }
  return lists;
}

/** The papers an index was built from: `count` papers, none with an id above `maxPaperId`. */
export interface IndexedPapers {
  count: number;
  maxPaperId: number;
}

/** The index refers to a paper that is gone: reload it and compute again. */
export class StaleRelatedIndexError extends Error {
  constructor() {
    super("a paper the related index refers to was deleted; reload the index");
  }
}

/**
 * Writes lists in one transaction: rank i + 1 holds entry i, replacing whatever held that place, and the
 * ranks a list no longer fills are deleted (lists rarely shrink, but a stale longer list must not keep
 * its tail). `replaceAll` empties the table first. Returns the rows written.
 *
 * The rows' foreign keys are not checked row by row: each check reads the Paper row's page, which another
 * connection's commit (the store's, every batch) has evicted from this connection's cache, and those
 * reads were half the cost of writing the lists. Instead, inside the same write transaction, one count
 * proves that every paper the index knows still exists: there are as many papers up to its highest id as
 * it holds, and ids are AUTOINCREMENT (never reused), so none can have been deleted and replaced. The
 * index only lists papers it holds. Otherwise nothing is written and StaleRelatedIndexError is thrown.
 */
export function writeRelatedLists(
  db: Db,
  lists: readonly (readonly [paperId: number, entries: readonly RelatedEntry[]])[],
  indexed: IndexedPapers,
  replaceAll = false,
): Promise<number> {
  return writePackedLists(sqliteOf(db), packLists(lists), indexed, { replaceAll });
}

/**
 * writeRelatedLists of lists computed elsewhere (a bulk import's worker thread) on the import's writer
 * connection, also taking `done` out of PendingIndex in the same transaction: their lists are stored with them.
 */
export function writeComputedLists(
  sqlite: Sqlite,
  lists: PackedLists,
  indexed: IndexedPapers,
  done: readonly number[],
): Promise<number> {
  return writePackedLists(sqlite, lists, indexed, { replaceAll: false, done });
}

function writePackedLists(
  sqlite: Sqlite,
  lists: PackedLists,
  indexed: IndexedPapers,
  options: { replaceAll: boolean; done?: readonly number[] },
): Promise<number> {
  const write = listWriter(sqlite, lists, indexed, options);
  // BEGIN IMMEDIATE: take the write lock before reading anything, and wait for it without blocking the event loop.
  return withoutBusyWait(sqlite, () => withoutForeignKeyChecks(sqlite, () => write.immediate()));
}

function listWriter(
  connection: Sqlite,
  { paperIds, ranks, relatedIds, scores, shortened }: PackedLists,
  indexed: IndexedPapers,
  { replaceAll, done = [] }: { replaceAll: boolean; done?: readonly number[] },
) {
  const { sqlite, sql } = statementsFor(connection);
  return sqlite.transaction(() => {
    if (sql.papersUpTo.get(indexed.maxPaperId) !== indexed.count) throw new StaleRelatedIndexError();
    if (replaceAll) sql.deleteAll.run();
    for (let row = 0; row < paperIds.length; row++)
      sql.upsert.run(paperIds[row]!, ranks[row]!, relatedIds[row]!, scores[row]!);
    if (!replaceAll) for (let i = 0; i < shortened.length; i += 2) sql.vacate.run(shortened[i]!, shortened[i + 1]!);
    if (done.length > 0) sql.indexed.run(JSON.stringify(done));
    return paperIds.length;
  });
}

/**
 * Runs `work` with foreign key enforcement off on the shared connection, restoring it after. Nothing else
 * can use the connection meanwhile: `work` is synchronous. (The pragma is a no-op inside a transaction.)
 */
function withoutForeignKeyChecks<T>(sqlite: Sqlite, work: () => T): T {
  const enforced = sqlite.pragma("foreign_keys", { simple: true }) === 1;
  if (enforced) sqlite.pragma("foreign_keys = OFF");
  try {
    return work();
  } finally {
    if (enforced) sqlite.pragma("foreign_keys = ON");
  }
}
