// What a past edition shows the public. Readers get papers on their own topics first, so a paper that went
// to only one or two readers tells anyone who knows them what they follow. A paper is listed only once enough
// readers received it that it says nothing about any one of them, and no per-paper count is shown.

/** Fewer receivers than this and a paper is left out of the public archive (the usual small-cell threshold). */
export const MIN_READERS_TO_LIST = 5;

export function publishablePapers<T extends { sentTo: number }>(papers: readonly T[]): T[] {
  return papers.filter((paper) => paper.sentTo >= MIN_READERS_TO_LIST);
}
