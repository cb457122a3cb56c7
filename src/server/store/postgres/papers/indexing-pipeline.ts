// A bulk import's related lists on PostgreSQL, written in the background: while the importer parses, plans
// and writes batch N+1 (its CPU, then the server's on the batch's connection), the lists of committed batch N
// are computed (this process's related index) and written on a second pooled connection, so the two cores
// and two server backends work at once instead of taking turns. One job at a time: a committed batch waits
// for the previous job before handing over its own, so the importer runs at most one batch ahead.
// A batch that still needs tagging (its vocabulary was due, or it merged papers) is tagged in line first:
// tagging writes topics and topic text only, the job in the background related lists only. After a failed
// job every batch waits for the background and is indexed in line, as without a bulk import. A batch's
// papers leave PendingIndex with their lists, so a failed job or a crash leaves whole committed batches that
// the next indexing step completes.
import type { BulkImportResult } from "@/server/store/papers";
import { contextCache, poolOf, type PgContext } from "@/server/store/postgres/pg-client";
import { refreshRelated } from "@/server/store/postgres/related/related-store";
import { tagNewPapers } from "@/server/store/postgres/topics/topic-store";
import { indexPendingPapers } from "./paper-indexing";

interface Pipeline {
  /** The job in the background; never rejects (a failure is kept in `failure`). */
  running: Promise<void>;
  failure: unknown;
}

const pipelines = contextCache<Pipeline>("indexing-pipeline");

/** Runs `work` (batches through addPapers) with background related lists; then indexes what is still pending. */
export async function withIndexingPipeline<T>(
  ctx: PgContext,
  now: Date,
  work: () => Promise<T>,
): Promise<BulkImportResult<T>> {
  const pipeline: Pipeline = { running: Promise.resolve(), failure: undefined };
  pipelines.set(ctx, pipeline);
  let result: T;
  try {
    result = await work();
  } finally {
    await pipeline.running;
    pipelines.delete(ctx);
  }
  // A failed job's batches (and anything an earlier run left) are indexed here, as the next import would.
  try {
    await indexPendingPapers(ctx, now);
    return { result };
  } catch (error) {
    const { rows } = await poolOf(ctx.db).query<{ n: number }>(`SELECT count(*)::int AS n FROM "PendingIndex"`);
    return { result, indexing: { pending: rows[0]!.n, error: error instanceof Error ? error.message : String(error) } };
  }
}

/** A committed batch's papers in PendingIndex, and those of them still to be tagged (PendingIndex.tagged false). */
export interface CommittedBatch {
  paperIds: readonly number[];
  untagged: readonly number[];
}

/**
 * Indexes a just-committed batch. In a bulk import its papers are tagged in line when they need it (the
 * vocabulary, recomputed then, is the next batch's), and their related lists are left to the background;
 * otherwise (or after a failed job) every pending paper is indexed in line, after the background job so no
 * paper is indexed twice.
 */
export async function indexCommitted(ctx: PgContext, batch: CommittedBatch, now: Date): Promise<void> {
  const pipeline = pipelines.get(ctx);
  if (!pipeline || pipeline.failure !== undefined) {
    await pipeline?.running;
    await indexPendingPapers(ctx, now);
    return;
  }
  if (batch.untagged.length > 0) {
    // Tags and topic text only: the job in the background writes related lists, nothing of these.
    await tagNewPapers(ctx, batch.untagged, now);
    await poolOf(ctx.db).query(`UPDATE "PendingIndex" SET "tagged" = true WHERE "paperId" = ANY($1::int[])`, [
      batch.untagged,
    ]);
  }
  await pipeline.running;
  if (pipeline.failure !== undefined) return indexCommitted(ctx, batch, now);
  if (batch.paperIds.length === 0) return;
  pipeline.running = relatedListsOf(ctx, batch.paperIds).catch((error: unknown) => void (pipeline.failure = error));
}

async function relatedListsOf(ctx: PgContext, paperIds: readonly number[]): Promise<void> {
  await refreshRelated(ctx, paperIds);
  await poolOf(ctx.db).query(`DELETE FROM "PendingIndex" WHERE "paperId" = ANY($1::int[])`, [paperIds]);
}
