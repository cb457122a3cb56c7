// Related papers: the stored "more like this" list of each paper.
import type { Paper } from "@/domain/paper";

export interface RelatedStore {
  relatedPapers(paperId: number): Promise<Paper[]>;
  /** Recomputes every list from the corpus. */
  rebuildRelated(): Promise<{ papers: number; rows: number }>;
}
