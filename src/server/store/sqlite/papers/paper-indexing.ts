// Work that follows new papers into the store: topic tagging (topic-store.ts) and related-paper lists.
// The FTS index needs nothing here: triggers keep it in sync inside the insert itself. Papers the store
// already tagged inside its transaction (topic-pretagging.ts) skip tagging; the others' topicsText
// update re-indexes their topics the same way.
// The batch's transaction records its new papers in PendingIndex; a row leaves it only once its topics and
// related list are stored. So an indexing step that fails (or a process killed after the commit) leaves
// committed papers that the next import, or indexPendingPapers, completes.
import type { Db } from "@/server/store/sqlite/prisma-client";
import { refreshRelated } from "@/server/store/sqlite/related/related-store";
import { tagNewPapers } from "@/server/store/sqlite/topics/topic-store";

/** Papers committed but not indexed yet, with whether the import already tagged them. */
async function pendingPapers(db: Db): Promise<{ paperId: number; tagged: boolean }[]> {
  return db.pendingIndex.findMany({ orderBy: { paperId: "asc" }, select: { paperId: true, tagged: true } });
}

/** Indexes every pending paper (this batch's and any an earlier run left); returns how many. */
export async function indexPendingPapers(db: Db, now: Date): Promise<number> {
  const pending = await pendingPapers(db);
  if (pending.length === 0) return 0;
  const paperIds = pending.map((p) => p.paperId);
  await tagNewPapers(
    db,
    pending.filter((p) => !p.tagged).map((p) => p.paperId),
    now,
  );
  await refreshRelated(db, paperIds);
  // One JSON parameter: a batch holds more ids than SQLite binds as separate parameters.
  await db.$executeRawUnsafe(
    `DELETE FROM "PendingIndex" WHERE "paperId" IN (SELECT value FROM json_each(?))`,
    JSON.stringify(paperIds),
  );
  return paperIds.length;
}
