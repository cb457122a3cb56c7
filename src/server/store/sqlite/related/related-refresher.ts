// The related-list computation of a bulk import, on a connection of its own (related-worker.ts runs it in a
// worker thread while the import's main thread writes the next batch). It keeps its own index, reads only
// the papers it is given (never those of later batches already committed beyond them) and writes nothing:
// the lists go back to the import's one writer, which stores them (related-pipeline.ts).
import { RelatedIndex } from "@/domain/related/related-index";
import type { RelatedEntry } from "@/domain/related/related-list";
import type { Sqlite } from "@/server/store/sqlite/direct-connection";
import { importTimings } from "@/server/store/step-timings";
import { packChanges, type PackedLists } from "./packed-lists";
import { readPapersBetween, readStoredListsOn, type IndexedPapers } from "./related-rows";

/** A new index over every stored paper up to `upToId`, with the stored lists. */
export function loadIndexOn<T extends RelatedIndex = RelatedIndex>(
  sqlite: Sqlite,
  upToId = Number.MAX_SAFE_INTEGER,
  index: T = new RelatedIndex() as T,
): T {
  // All documents go in at once, so every vector is weighted with the document frequencies of the whole corpus.
  index.add(readPapersBetween(sqlite, 0, upToId).documents);
  for (const [paperId, list] of readStoredListsOn(sqlite)) index.setList(paperId, list);
  return index;
}

/** An index that remembers, while it records, each changed list as it was before: what the database holds. */
class RecordingIndex extends RelatedIndex {
  before: Map<number, RelatedEntry[]> | null = null;

  override setList(paperId: number, entries: readonly RelatedEntry[]): void {
    if (this.before && !this.before.has(paperId)) this.before.set(paperId, this.listOf(paperId));
    super.setList(paperId, entries);
  }
}

export interface ComputedLists {
  /** The rows of the lists that changed (the new papers' own, and their neighbours' they entered). */
  lists: PackedLists;
  /** The papers the index held: the writer checks that none of them was deleted meanwhile. */
  indexed: IndexedPapers;
}

export class RelatedRefresher {
  private index: RecordingIndex | null = null;

  constructor(private readonly sqlite: Sqlite) {}

  /**
   * Lists for the just-committed papers `paperIds` (offered to their neighbours too). The index keeps
   * them as if stored: the writer stores every job's lists, in job order, or the import falls back to
   * indexing in process what is left pending.
   */
  compute(paperIds: readonly number[]): ComputedLists {
    const index = importTimings.time("related: read the new papers, add them to the index", () =>
      this.indexWith(paperIds),
    );
    return importTimings.time("related: compute the lists", () => {
      const before = new Map<number, RelatedEntry[]>();
      index.before = before;
      const changed = index.refresh(paperIds);
      index.before = null;
      return {
        lists: packChanges(
          [...changed].map((paperId) => [paperId, before.get(paperId) ?? [], index.listOf(paperId)] as const),
        ),
        indexed: { count: index.size, maxPaperId: index.maxPaperId },
      };
    });
  }

  /**
   * The index up to the highest of `paperIds`. Loaded (with the stored lists) for the first job only: later,
   * the stored lists lag behind the lists computed but not yet written, so papers that changed below a job
   * in any other way (another process adding or deleting papers) fail it, and the import indexes in process.
   */
  private indexWith(paperIds: readonly number[]): RecordingIndex {
    const upTo = paperIds.reduce((max, id) => Math.max(max, id), 0);
    if (!this.index) return (this.index = loadIndexOn(this.sqlite, upTo, new RecordingIndex()));
    const { documents, papersUpTo } = readPapersBetween(this.sqlite, this.index.maxPaperId, upTo);
    const expected = new Set(paperIds);
    if (!documents.every((d) => expected.has(d.paperId)) || papersUpTo !== this.index.size + documents.length)
      throw new Error("papers were added or deleted beside the import");
    this.index.add(documents);
    return this.index;
  }
}
