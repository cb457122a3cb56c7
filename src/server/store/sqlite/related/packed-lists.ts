// Related-list rows in typed arrays: what the related-lists worker hands to the import's writer (transferred
// between threads, not copied object by object) and what the list writer reads. Only the ranks that change
// need a row: a neighbour's list that takes a new paper at rank 4 rewrites ranks 4 and 5, not the first three.
import type { RelatedEntry } from "@/domain/related/related-list";
import { RELATED_LIST_SIZE } from "@/domain/related/related-list";

export interface PackedLists {
  /** One per row to write: rank `ranks[i]` (from 1) of paper `paperIds[i]` holds `relatedIds[i]`, `scores[i]`. */
  paperIds: Float64Array;
  ranks: Uint8Array;
  relatedIds: Float64Array;
  scores: Float64Array;
  /** Lists whose ranks beyond a length are to be emptied: paper `shortened[2k]` keeps `shortened[2k + 1]`. */
  shortened: Float64Array;
}

type Lists = readonly (readonly [paperId: number, entries: readonly RelatedEntry[]])[];

/** Whole lists: every rank written, and the ranks a list does not fill emptied (a stale list must not keep its tail). */
export function packLists(lists: Lists): PackedLists {
  return pack(lists.map(([paperId, entries]) => [paperId, entries, null]));
}

/**
 * The rows that turn each list `before` (what the database holds; empty for a new paper) into `after`:
 * the ranks whose entry changed, and the ranks a shorter list no longer fills.
 */
export function packChanges(
  changes: readonly (readonly [paperId: number, before: readonly RelatedEntry[], after: readonly RelatedEntry[]])[],
): PackedLists {
  return pack(changes.map(([paperId, before, after]) => [paperId, after, before]));
}

function pack(lists: readonly (readonly [number, readonly RelatedEntry[], readonly RelatedEntry[] | null])[]) {
  const rows: [paperId: number, rank: number, entry: RelatedEntry][] = [];
  const shortened: number[] = [];
  for (const [paperId, after, before] of lists) {
    after.forEach((entry, i) => {
      const was = before?.[i];
      if (!was || was.paperId !== entry.paperId || was.score !== entry.score) rows.push([paperId, i + 1, entry]);
    });
    const filled = before ? before.length : RELATED_LIST_SIZE;
    if (after.length < filled) shortened.push(paperId, after.length);
  }
  return {
    paperIds: Float64Array.from(rows, ([paperId]) => paperId),
    ranks: Uint8Array.from(rows, ([, rank]) => rank),
    relatedIds: Float64Array.from(rows, ([, , entry]) => entry.paperId),
    scores: Float64Array.from(rows, ([, , entry]) => entry.score),
    shortened: Float64Array.from(shortened),
  };
}

/** The buffers to transfer with a message. */
export function buffersOf(packed: PackedLists): ArrayBuffer[] {
  return [packed.paperIds, packed.ranks, packed.relatedIds, packed.scores, packed.shortened].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
