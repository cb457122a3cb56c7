// Related papers: computed when papers are added and stored in RelatedPaper, so a paper page only reads
// five rows. docs/related.md explains how the lists stay fresh as the corpus grows.
import type { RelatedIndex } from "../domain/related/related-index";
import { RELATED_LIST_SIZE } from "../domain/related/related-list";
import type { Paper } from "../domain/paper";
import type { Db } from "./db";
import { dropIndex, indexWith, keepIndex, loadIndex, serialized } from "./related-index-cache";
import { deleteRelatedRows, upsertRelatedRows } from "./related-rows";
import { PAPER_ROW_SELECT, toPaper } from "./paper-rows";
import { topicsOfPapers } from "./paper-topics";

/** Writes the lists of the given papers in one transaction; `replaceAll` empties the table first. */
async function writeLists(db: Db, index: RelatedIndex, paperIds: readonly number[], replaceAll = false): Promise<number> {
  const rows = paperIds.flatMap((paperId) =>
    index.listOf(paperId).map((entry, i) => ({ paperId, rank: i + 1, relatedId: entry.paperId, score: entry.score })),
  );
  // Ranks a list no longer fills (lists rarely shrink, but a stale longer list must not keep its tail).
  const vacated = paperIds.flatMap((paperId) => {
    const ranks: [paperId: number, rank: number][] = [];
    for (let rank = index.listOf(paperId).length + 1; rank <= RELATED_LIST_SIZE; rank++) ranks.push([paperId, rank]);
    return ranks;
  });
  try {
    await db.$transaction(async (tx) => {
      if (replaceAll) await tx.relatedPaper.deleteMany({});
      else await deleteRelatedRows(tx, vacated);
      await upsertRelatedRows(tx, rows);
    }, { timeout: 600_000 });
  } catch (error) {
    dropIndex(db);
    throw error;
  }
  return rows.length;
}

/**
 * Gives just-added papers their related lists and offers each of them to its neighbours' lists,
 * writing only the lists that changed. Cost grows with the batch, not with the corpus.
 */
export async function refreshRelated(db: Db, newPaperIds: readonly number[]): Promise<void> {
  if (newPaperIds.length === 0) return;
  await serialized(db, async () => {
    const index = await indexWith(db, new Set(newPaperIds));
    const changed = index.refresh(newPaperIds);
    await writeLists(db, index, [...changed]);
  });
}

/**
 * Recomputes every list from scratch with the current corpus's term weights (npm run related:rebuild):
 * for after a large import, or when the corpus has grown several times since the lists were made.
 */
export async function rebuildRelated(db: Db): Promise<{ papers: number; rows: number }> {
  return serialized(db, async () => {
    const index = await loadIndex(db, false);
    const ids = (await db.paper.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
    index.refresh(ids);
    const rows = await writeLists(db, index, ids, true);
    keepIndex(db, index);
    return { papers: ids.length, rows };
  });
}

/** The stored related papers of a paper, best first. Reads the stored rows only; never recomputes. */
export async function relatedPapers(db: Db, paperId: number): Promise<Paper[]> {
  const rows = await db.relatedPaper.findMany({
    where: { paperId }, orderBy: { rank: "asc" }, select: { related: { select: PAPER_ROW_SELECT } },
  });
  const topics = await topicsOfPapers(db, rows.map((row) => row.related.id));
  return rows.map((row) => toPaper(row.related, topics.get(row.related.id) ?? []));
}
