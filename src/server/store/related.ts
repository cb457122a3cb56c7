// Related papers: the stored "more like this" list of each paper.
import type { Paper } from "@/domain/paper";

export interface RelatedStore {
  relatedPapers(paperId: number): Promise<Paper[]>;
  /** Papers most like a pasted text (tf-idf cosine over the related index), best first, at most `limit`. */
  similarTo(text: string, limit: number): Promise<{ paperId: number; score: number }[]>;
  /** Recomputes every list from the corpus. */
  rebuildRelated(): Promise<{ papers: number; rows: number }>;
}
