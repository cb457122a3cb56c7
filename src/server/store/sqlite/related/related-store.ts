// Related papers: computed when papers are added and stored in RelatedPaper, so a paper page only reads
// five rows. docs/related.md explains how the lists stay fresh as the corpus grows.
import { RelatedIndex } from "@/domain/related/related-index";
import type { Paper } from "@/domain/paper";
import type { RelatedEntry } from "@/domain/related/related-list";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { dropIndex, indexWith, keepIndex, serialized } from "./related-index-cache";
import { readPapersAfter, StaleRelatedIndexError, writeRelatedLists } from "./related-rows";
import { PAPER_ROW_SELECT, toPaper } from "@/server/store/sqlite/papers/paper-rows";
import { topicsOfPapers } from "@/server/store/sqlite/papers/paper-topics";

/** Writes the lists of the given papers in one transaction; `replaceAll` empties the table first. */
async function writeLists(
  db: Db,
  index: RelatedIndex,
  paperIds: readonly number[],
  replaceAll = false,
): Promise<number> {
  try {
    const lists = paperIds.map((paperId) => [paperId, index.listOf(paperId)] as const);
    return await writeRelatedLists(db, lists, { count: index.size, maxPaperId: index.maxPaperId }, replaceAll);
  } catch (error) {
    dropIndex(db);
    throw error;
  }
}

/** Runs `refresh` again, from a reloaded index, if a paper was deleted while it computed (rare: nothing here deletes papers). */
async function retryIfStale<T>(refresh: () => Promise<T>): Promise<T> {
  try {
    return await refresh();
  } catch (error) {
    if (!(error instanceof StaleRelatedIndexError)) throw error;
    return refresh();
  }
}

/**
 * Gives just-added papers their related lists and offers each of them to its neighbours' lists,
 * writing only the lists that changed. Cost grows with the batch, not with the corpus.
 */
export async function refreshRelated(db: Db, newPaperIds: readonly number[]): Promise<void> {
  if (newPaperIds.length === 0) return;
  await serialized(db, () =>
    retryIfStale(async () => {
      const index = indexWith(db, new Set(newPaperIds));
      const changed = index.refresh(newPaperIds);
      await writeLists(db, index, [...changed]);
    }),
  );
}

/**
 * Recomputes every list from scratch with the current corpus's term weights (npm run related:rebuild):
 * for after a large import, or when the corpus has grown several times since the lists were made.
 */
export async function rebuildRelated(db: Db): Promise<{ papers: number; rows: number }> {
  return serialized(db, () =>
    retryIfStale(async () => {
      const { documents } = readPapersAfter(db, 0);
      const index = new RelatedIndex();
      index.add(documents);
      const ids = documents.map((d) => d.paperId);
      index.refresh(ids);
      const rows = await writeLists(db, index, ids, true);
      keepIndex(db, index);
      return { papers: ids.length, rows };
    }),
  );
}

/** The stored related papers of a paper, best first. Reads the stored rows only; never recomputes. */
export async function relatedPapers(db: Db, paperId: number): Promise<Paper[]> {
  const rows = await db.relatedPaper.findMany({
    where: { paperId },
    orderBy: { rank: "asc" },
    select: { related: { select: PAPER_ROW_SELECT } },
  });
  const topics = await topicsOfPapers(
    db,
    rows.map((row) => row.related.id),
  );
  return rows.map((row) => toPaper(row.related, topics.get(row.related.id) ?? []));
}

/** Papers most like a pasted text, from this process's index (loaded, or brought up to date, first). */
export async function similarTo(db: Db, text: string, limit: number): Promise<RelatedEntry[]> {
  return serialized(db, async () => indexWith(db, new Set()).similarTo(text, limit));
}
