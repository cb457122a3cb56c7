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

/** Typed arrays straight away (two passes, no object per row): a rebuild packs every list of the corpus. */
function pack(lists: readonly (readonly [number, readonly RelatedEntry[], readonly RelatedEntry[] | null])[]) {
  const changed = (entry: RelatedEntry, was: RelatedEntry | undefined) =>
    !was || was.paperId !== entry.paperId || was.score !== entry.score;
  let rows = 0;
  let short = 0;
  for (const [, after, before] of lists) {
    after.forEach((entry, i) => (rows += changed(entry, before?.[i]) ? 1 : 0));
    if (after.length < (before ? before.length : RELATED_LIST_SIZE)) short++;
  }
  const packed: PackedLists = {
    paperIds: new Float64Array(rows),
    ranks: new Uint8Array(rows),
    relatedIds: new Float64Array(rows),
    scores: new Float64Array(rows),
    shortened: new Float64Array(2 * short),
  };
  let row = 0;
  let at = 0;
  for (const [paperId, after, before] of lists) {
    after.forEach((entry, i) => {
      if (!changed(entry, before?.[i])) return;
      packed.paperIds[row] = paperId;
      packed.ranks[row] = i + 1;
      packed.relatedIds[row] = entry.paperId;
      packed.scores[row++] = entry.score;
    });
    if (after.length < (before ? before.length : RELATED_LIST_SIZE)) {
      packed.shortened[at++] = paperId;
      packed.shortened[at++] = after.length;
    }
  }
  return packed;
}

/** The buffers to transfer with a message. */
export function buffersOf(packed: PackedLists): ArrayBuffer[] {
  return [packed.paperIds, packed.ranks, packed.relatedIds, packed.scores, packed.shortened].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
