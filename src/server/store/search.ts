// Full-text search: candidates for a planned query, ranked, and the warm vocabulary that plans it.
import type { QuerySlot } from "@/domain/search/query-plan";
import type { TermVocabulary } from "@/domain/search/term-vocabulary";

export type SearchOrder = "relevance" | "trending" | "new";

export interface MatchFilter {
  since: Date | null;
  topicId?: number;
  /** Papers in any of these topics. */
  topicIds?: readonly number[];
  /** Only these papers (an author's papers, a digest's candidates). */
  paperIds?: readonly number[];
  /** Only papers with a code link. */
  hasCode?: boolean;
}

/** Whether a filter narrows the matches (then every match is a candidate, not only the best few hundred). */
export function isFiltered(filter: MatchFilter): boolean {
  return (
    filter.since !== null || filter.topicId !== undefined || !!filter.topicIds || !!filter.paperIds || !!filter.hasCode
  );
}

export interface MatchQuery {
  slots: readonly QuerySlot[];
  /** all: every slot must match; any: at least one. */
  mode: "all" | "any";
  /** Matches expected from the vocabulary sample (chooses the candidate strategy). */
  estimatedMatches: number;
  filter: MatchFilter;
  order: SearchOrder;
  limit: number;
  offset: number;
}

export interface RankedPage {
  ids: { id: number; relevance: number }[];
  total: number;
  /** The query matched too many papers to count them all: `total` is a lower bound. */
  totalIsLowerBound?: boolean;
}

export interface SearchStore {
  rankMatches(query: MatchQuery): Promise<RankedPage>;
  /** The corpus vocabulary; with `refresh`, first extended with papers added since the last refresh. */
  vocabulary(refresh: boolean): Promise<TermVocabulary>;
  /** Builds the vocabulary ahead of the first search. */
  warm(): Promise<{ ms: number; words: number }>;
}
