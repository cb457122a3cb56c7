// Work that follows new papers into the store: topic tagging (topic-store.ts) and related-paper lists.
// The FTS index needs nothing here: triggers keep it in sync inside the insert itself. Papers the store
// already tagged inside its transaction (topic-pretagging.ts) skip tagging; the others' topicsText
// update re-indexes their topics the same way.
// The batch's transaction records its new papers in PendingIndex; a row leaves it only once its topics and
// related list are stored. So an indexing step that fails (or a process killed after the commit) leaves
// committed papers that the next import, or indexPendingPapers, completes.
// During a bulk import (related-pipeline.ts) the related lists are computed by a worker thread: this step
// tags the batch, hands its ids over, stores the lists of earlier batches the worker has finished (taking
// those papers out of PendingIndex with them) and returns.
import type { BulkImportResult } from "@/server/store/papers";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { relatedPipelineOf, withRelatedPipeline } from "@/server/store/sqlite/related/related-pipeline";
import { refreshRelated } from "@/server/store/sqlite/related/related-store";
import { tagNewPapers } from "@/server/store/sqlite/topics/topic-store";
import { importTimings } from "@/server/store/step-timings";

/** Papers committed but not indexed yet, with whether the import already tagged them. */
async function pendingPapers(db: Db): Promise<{ paperId: number; tagged: boolean }[]> {
  return db.pendingIndex.findMany({ orderBy: { paperId: "asc" }, select: { paperId: true, tagged: true } });
}

/** Indexes every pending paper (this batch's and any an earlier run left); returns how many. */
export async function indexPendingPapers(db: Db, now: Date): Promise<number> {
  const pipeline = relatedPipelineOf(db);
  if (pipeline && !pipeline.failure) {
    const pending = (await importTimings.timeAsync("index: reading PendingIndex", () => pendingPapers(db))).filter(
      (p) => !pipeline.holds(p.paperId),
    );
    if (pending.length === 0) return 0;
    await importTimings.timeAsync("index: tagging after the batch, vocabulary", () => tagPending(db, pending, now));
    const submitted = await importTimings.timeAsync("index: waiting for the related-lists worker", () =>
      pipeline.submit(pending.map((p) => p.paperId)),
    );
    // The lists of earlier jobs the worker has finished meanwhile.
    await pipeline.storeComputed();
    if (submitted) return pending.length;
  }
  // After a failure, the jobs sent are finished (or failed), and what they computed is stored or released,
  // before this reads what is still pending.
  await pipeline?.drain();
  await pipeline?.storeComputed();
  const pending = await pendingPapers(db);
  if (pending.length === 0) return 0;
  const paperIds = pending.map((p) => p.paperId);
  await tagPending(db, pending, now);
  await refreshRelated(db, paperIds);
  // One JSON parameter: a batch holds more ids than SQLite binds as separate parameters.
  await db.$executeRawUnsafe(
    `DELETE FROM "PendingIndex" WHERE "paperId" IN (SELECT value FROM json_each(?))`,
    JSON.stringify(paperIds),
  );
  return paperIds.length;
}

function tagPending(db: Db, pending: readonly { paperId: number; tagged: boolean }[], now: Date): Promise<void> {
  return tagNewPapers(
    db,
    pending.filter((p) => !p.tagged).map((p) => p.paperId),
    now,
  );
}

/** A many-batch import with its related lists computed by a worker thread (related-pipeline.ts). */
export async function bulkImport<T>(db: Db, now: Date, work: () => Promise<T>): Promise<BulkImportResult<T>> {
  const { result, failure } = await withRelatedPipeline(db, work);
  if (!failure) return { result };
  // What the failed worker left pending is indexed here, in process, as the next import would.
  try {
    await indexPendingPapers(db, now);
    return { result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { result, indexing: { pending: await db.pendingIndex.count(), error: message } };
  }
}
