// Related lists in four typed arrays: what the related-lists worker hands to the import's writer (transferred
// between threads, not copied object by object) and what the list writer reads.
import type { RelatedEntry } from "@/domain/related/related-list";

export interface PackedLists {
  /** One per list. */
  paperIds: Float64Array;
  /** How many entries each list has. */
  lengths: Uint8Array;
  /** The entries, list after list, best first. */
  relatedIds: Float64Array;
  scores: Float64Array;
}

export function packLists(
  lists: readonly (readonly [paperId: number, entries: readonly RelatedEntry[]])[],
): PackedLists {
  const total = lists.reduce((sum, [, entries]) => sum + entries.length, 0);
  const packed: PackedLists = {
    paperIds: new Float64Array(lists.length),
    lengths: new Uint8Array(lists.length),
    relatedIds: new Float64Array(total),
    scores: new Float64Array(total),
  };
  let at = 0;
  lists.forEach(([paperId, entries], list) => {
    packed.paperIds[list] = paperId;
    packed.lengths[list] = entries.length;
    for (const entry of entries) {
      packed.relatedIds[at] = entry.paperId;
      packed.scores[at++] = entry.score;
    }
  });
  return packed;
}

/** The buffers to transfer with a message. */
export function buffersOf(packed: PackedLists): ArrayBuffer[] {
  return [packed.paperIds, packed.lengths, packed.relatedIds, packed.scores].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
