// How many readers a published per-paper figure must stand for. Readers get the papers on their own topics
// first, so "sent to 1 reader" or "1 digest click" on a niche paper tells anyone who knows a subscriber what
// they follow. Below this many readers a paper is left out of the public archive and a click count is not
// shown as a number (docs/security.md, "Reader counts").

/** The usual small-cell threshold of published statistics. */
export const MIN_READERS_TO_SHOW = 5;

/** The papers of a past edition that enough readers received to be listed publicly. */
export function publishablePapers<T extends { sentTo: number }>(papers: readonly T[]): T[] {
  return papers.filter((paper) => paper.sentTo >= MIN_READERS_TO_SHOW);
}
