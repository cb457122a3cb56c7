// A paper's related list: its best few neighbours by similarity, in a fixed order.

export interface RelatedEntry {
  paperId: number;
  score: number;
}

/** How many related papers a paper keeps. */
export const RELATED_LIST_SIZE = 5;
/** Below this cosine two papers share little more than common vocabulary, so they are not called related. */
export const MIN_RELATED_SCORE = 0.05;

/** Higher score first; equal scores by paper id, so every run orders them the same way. */
export function compareEntries(a: RelatedEntry, b: RelatedEntry): number {
  return b.score - a.score || a.paperId - b.paperId;
}

/** The best `size` entries, strongest first. */
export function topEntries(entries: readonly RelatedEntry[], size = RELATED_LIST_SIZE): RelatedEntry[] {
  // Insertion into a list of at most `size`: called for every new paper with ~25 entries, most of which lose.
  const top: RelatedEntry[] = [];
  for (const entry of entries) {
    if (entry.score < MIN_RELATED_SCORE) continue;
    if (top.length === size && compareEntries(entry, top[size - 1]!) >= 0) continue;
    let at = top.length === size ? size - 1 : top.length;
    if (top.length < size) top.push(entry);
    for (; at > 0 && compareEntries(entry, top[at - 1]!) < 0; at--) top[at] = top[at - 1]!;
    top[at] = entry;
  }
  return top;
}

/**
 * Offers a newcomer to an existing list: the new list when the newcomer earns a place (a free slot, or it
 * beats the weakest entry), else null so the caller knows nothing needs writing. `list` is sorted, as
 * every list this module returns.
 */
export function offerEntry(
  list: readonly RelatedEntry[],
  offer: RelatedEntry,
  size = RELATED_LIST_SIZE,
): RelatedEntry[] | null {
  if (offer.score < MIN_RELATED_SCORE) return null;
  const existing = list.find((e) => e.paperId === offer.paperId);
  if (existing?.score === offer.score) return null;
  const weakest = list[size - 1];
  if (!existing && weakest && compareEntries(offer, weakest) >= 0) return null;
  return [...list.filter((e) => e.paperId !== offer.paperId), offer].sort(compareEntries).slice(0, size);
}
