// Related papers on PostgreSQL: the same RelatedIndex (domain) kept per process, reloaded whenever the
// papers table holds papers it has not seen; lists written in one transaction under an advisory lock, so
// instances refreshing at once write one after another, each from the committed lists.
import { RelatedIndex, type RelatedDocument } from "@/domain/related/related-index";
import type { Paper } from "@/domain/paper";
import { RELATED_LIST_SIZE } from "@/domain/related/related-list";
import type { PgContext, PgDb } from "@/server/store/postgres/pg-client";
import { contextCache, inPoolTransaction, poolOf } from "@/server/store/postgres/pg-client";
import { papersInOrder } from "@/server/store/postgres/papers/paper-listing";

/** The advisory lock every list write takes: instances write one after another. */
export const RELATED_LOCK = 7_131_303;
const cache = contextCache<{ index: RelatedIndex; queue: Promise<unknown> }>("related-index");

/**
 * Papers after `afterId`, up to `upTo`: a refresh reads no further than its own papers, so the batches a bulk
 * import commits meanwhile (indexing-pipeline.ts) wait for their own refresh instead of forcing a reload.
 */
async function documentsAfter(db: PgDb, afterId: number, upTo = 2 ** 31 - 1): Promise<RelatedDocument[]> {
  const { rows } = await poolOf(db).query<RelatedDocument>(
    `SELECT "id" AS "paperId", "titleText" AS "title", "abstractText" AS "abstract" FROM "Paper" WHERE "id" > $1 AND "id" <= $2 ORDER BY "id"`,
    [afterId, upTo],
  );
  return rows;
}

async function loadIndex(db: PgDb, upTo?: number): Promise<RelatedIndex> {
  const index = new RelatedIndex();
  index.add(await documentsAfter(db, 0, upTo));
  const rows = await db.relatedPaper.findMany({
    where: upTo === undefined ? {} : { paperId: { lte: upTo } },
    orderBy: [{ paperId: "asc" }, { rank: "asc" }],
    select: { paperId: true, relatedId: true, score: true },
  });
  const lists = new Map<number, { paperId: number; score: number }[]>();
  for (const row of rows)
    lists.set(row.paperId, [...(lists.get(row.paperId) ?? []), { paperId: row.relatedId, score: row.score }]);
  for (const [paperId, list] of lists) index.setList(paperId, list);
  return index;
}

/**
 * Writes lists in one transaction; `replaceAll` empties the table first. Returns the rows written. On the
 * pool, as arrays (a refresh of 2,000 new papers rewrites ~35,000 list rows: their JSON cost more to build
 * and to read than the rows did to write), and a rank that holds the same paper and score is left as it is:
 * an offer to a neighbour's list moves the ranks below it, not those above.
 */
async function writeLists(
  db: PgDb,
  index: RelatedIndex,
  paperIds: readonly number[],
  replaceAll: boolean,
): Promise<number> {
  const rows = { paperId: [] as number[], rank: [] as number[], relatedId: [] as number[], score: [] as number[] };
  const shorter = { paperId: [] as number[], size: [] as number[] };
  for (const paperId of paperIds) {
    const list = index.listOf(paperId);
    list.forEach((entry, i) => {
      rows.paperId.push(paperId);
      rows.rank.push(i + 1);
      rows.relatedId.push(entry.paperId);
      rows.score.push(entry.score);
    });
    if (list.length < RELATED_LIST_SIZE) {
      shorter.paperId.push(paperId);
      shorter.size.push(list.length);
    }
  }
  await inPoolTransaction(db, async (tx) => {
    await tx.run(`SELECT pg_advisory_xact_lock(${RELATED_LOCK})`);
    if (replaceAll) await tx.run(`DELETE FROM "RelatedPaper"`);
    else
      await tx.run(
        `DELETE FROM "RelatedPaper" WHERE "paperId" = ANY($1::int[]) AND "rank" > $2`,
        [...paperIds],
        RELATED_LIST_SIZE,
      );
    if (rows.paperId.length === 0) return;
    await tx.run(
      `INSERT INTO "RelatedPaper" ("paperId", "rank", "relatedId", "score")
       SELECT r."paperId", r."rank", r."relatedId", r."score" FROM unnest($1::int[], $2::int[], $3::int[], $4::float8[]) AS r("paperId", "rank", "relatedId", "score")
       WHERE EXISTS (SELECT 1 FROM "Paper" p WHERE p."id" = r."relatedId")
       ON CONFLICT ("paperId", "rank") DO UPDATE SET "relatedId" = excluded."relatedId", "score" = excluded."score"
       WHERE ("RelatedPaper"."relatedId", "RelatedPaper"."score") IS DISTINCT FROM (excluded."relatedId", excluded."score")`,
      rows.paperId,
      rows.rank,
      rows.relatedId,
      rows.score,
    );
    if (!replaceAll && shorter.paperId.length > 0) {
      await tx.run(
        `DELETE FROM "RelatedPaper" d USING unnest($1::int[], $2::int[]) AS l("paperId", "size") WHERE d."paperId" = l."paperId" AND d."rank" > l."size"`,
        shorter.paperId,
        shorter.size,
      );
    }
  });
  return rows.paperId.length;
}

function serialized<T>(ctx: PgContext, work: () => Promise<T>): Promise<T> {
  const entry = cache.get(ctx);
  const queue = entry?.queue ?? Promise.resolve();
  const run = queue.then(work, work);
  if (entry) entry.queue = run.catch(() => undefined);
  return run;
}

/** Gives new papers their lists and offers them to their neighbours' lists. */
export async function refreshRelated(ctx: PgContext, newPaperIds: readonly number[]): Promise<void> {
  if (newPaperIds.length === 0) return;
  await serialized(ctx, async () => {
    const index = await currentIndex(
      ctx,
      new Set(newPaperIds),
      newPaperIds.reduce((a, b) => Math.max(a, b)),
    );
    const changed = index.refresh(newPaperIds);
    try {
      await writeLists(ctx.db, index, [...changed], false);
    } catch (error) {
      cache.delete(ctx);
      throw error;
    }
  });
}

/**
 * The cached index extended with papers added since (up to `upTo`), or reloaded when others' lists may have
 * changed.
 */
async function currentIndex(ctx: PgContext, newIds: ReadonlySet<number>, upTo?: number): Promise<RelatedIndex> {
  const cached = cache.get(ctx);
  if (cached) {
    const arrived = await documentsAfter(ctx.db, cached.index.maxPaperId, upTo);
    if (arrived.every((d) => newIds.has(d.paperId))) {
      cached.index.add(arrived);
      return cached.index;
    }
  }
  const index = await loadIndex(ctx.db, upTo);
  cache.set(ctx, { index, queue: cached?.queue ?? Promise.resolve() });
  return index;
}

export async function rebuildRelated(ctx: PgContext): Promise<{ papers: number; rows: number }> {
  return serialized(ctx, async () => {
    const documents = await documentsAfter(ctx.db, 0);
    const index = new RelatedIndex();
    index.add(documents);
    const ids = documents.map((d) => d.paperId);
    index.refresh(ids);
    const rows = await writeLists(ctx.db, index, ids, true);
    cache.set(ctx, { index, queue: cache.get(ctx)?.queue ?? Promise.resolve() });
    return { papers: ids.length, rows };
  });
}

export async function relatedPapers(db: PgDb, paperId: number): Promise<Paper[]> {
  const rows = await db.relatedPaper.findMany({
    where: { paperId },
    orderBy: { rank: "asc" },
    select: { relatedId: true },
  });
  return papersInOrder(
    db,
    rows.map((r) => r.relatedId),
  );
}

/** Papers most like a pasted text, from this process's index (brought up to date first). */
export async function similarTo(
  ctx: PgContext,
  text: string,
  limit: number,
): Promise<{ paperId: number; score: number }[]> {
  return serialized(ctx, async () => (await currentIndex(ctx, new Set())).similarTo(text, limit));
}
