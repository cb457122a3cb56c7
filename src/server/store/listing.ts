// The one listing of papers: the feed, search without words, topic pages, Atom feeds, the API and the
// digest candidates all page through it, so a paper has the same place everywhere.
//
// Orders (documented in docs/architecture.md):
// - trending: trend key descending, then paper id ascending (older paper first among equal keys)
// - new:      feed date descending, then paper id descending
import type { Paper } from "@/domain/paper";

export type ListingOrder = "trending" | "new";

export interface ListingQuery {
  order: ListingOrder;
  /** Only papers whose feed date is at or after this instant; null for all time. */
  since: Date | null;
  topicId?: number;
  /** Only papers in any of these topics (a saved query following several). */
  topicIds?: readonly number[];
  /** Only these papers (an author's papers, a digest's candidates); order and paging as usual. */
  paperIds?: readonly number[];
  /** Only papers with a code link. */
  hasCode?: boolean;
  /** Only papers first seen in this range (the digest's candidates); not combined with a topic. */
  firstSeen?: { from: Date; to: Date };
  limit: number;
  offset: number;
  /** Skip counting the whole listing (the digest needs only the head). Defaults to true. */
  count?: boolean;
}

export interface ListingPage {
  papers: Paper[];
  /** Papers in the whole listing (all pages); not counted (-1) when the query said `count: false`. */
  total: number;
}

export interface ListingStore {
  listPapers(query: ListingQuery): Promise<ListingPage>;
}
