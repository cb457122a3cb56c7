// The related-list refresh of a bulk import, on a connection of its own (related-worker.ts runs it in a
// worker thread while the import's main thread writes the next batch). It keeps its own index and reads
// only the papers it is given, never those of later batches already committed beyond them.
import { RelatedIndex } from "@/domain/related/related-index";
import type { Sqlite } from "@/server/store/sqlite/direct-connection";
import { importTimings } from "@/server/store/step-timings";
import { readPapersBetween, readStoredListsOn, StaleRelatedIndexError, writeRelatedListsOn } from "./related-rows";

/** A new index over every stored paper up to `upToId`, with the stored lists. */
export function loadIndexOn(sqlite: Sqlite, upToId = Number.MAX_SAFE_INTEGER): RelatedIndex {
  const index = new RelatedIndex();
  // All documents go in at once, so every vector is weighted with the document frequencies of the whole corpus.
  index.add(readPapersBetween(sqlite, 0, upToId).documents);
  for (const [paperId, list] of readStoredListsOn(sqlite)) index.setList(paperId, list);
  return index;
}

export class RelatedRefresher {
  private index: RelatedIndex | null = null;

  constructor(private readonly sqlite: Sqlite) {}

  /**
   * Lists for the just-committed papers `paperIds` (offered to their neighbours too), written with their
   * PendingIndex rows taken out, in one transaction. Returns the list rows written.
   */
  refresh(paperIds: readonly number[]): number {
    try {
      return this.attempt(paperIds);
    } catch (error) {
      // The index may hold lists the failed write did not store: the next use reloads it.
      this.index = null;
      if (!(error instanceof StaleRelatedIndexError)) throw error;
      return this.attempt(paperIds);
    }
  }

  private attempt(paperIds: readonly number[]): number {
    const index = importTimings.time("related: read the new papers, add them to the index", () =>
      this.indexWith(paperIds),
    );
    const lists = importTimings.time("related: compute the lists", () => {
      const changed = index.refresh(paperIds);
      return [...changed].map((paperId) => [paperId, index.listOf(paperId)] as const);
    });
    return importTimings.time("related: write the lists (lock wait included)", () =>
      writeRelatedListsOn(this.sqlite, lists, { count: index.size, maxPaperId: index.maxPaperId }, paperIds),
    );
  }

  /** The index up to the highest of `paperIds`; loaded again when anything else changed below it. */
  private indexWith(paperIds: readonly number[]): RelatedIndex {
    const upTo = paperIds.reduce((max, id) => Math.max(max, id), 0);
    if (this.index) {
      const { documents, papersUpTo } = readPapersBetween(this.sqlite, this.index.maxPaperId, upTo);
      const expected = new Set(paperIds);
      if (documents.every((d) => expected.has(d.paperId)) && papersUpTo === this.index.size + documents.length) {
        this.index.add(documents);
        return this.index;
      }
    }
    // Up to this job's papers only: later batches may already be committed, and are later jobs'.
    this.index = loadIndexOn(this.sqlite, upTo);
    return this.index;
  }
}
