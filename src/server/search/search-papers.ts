// Search: sanitise the query, plan it against the warm vocabulary (prefix completion, typo correction,
// variants), fetch candidates from FTS5, rank them (relevance blended with trending, or the feed's own
// orders), and explain each hit with title highlights and an abstract snippet.
import { topicSlugs, windowStart, type FeedWindow } from "@/domain/feed-params";
import type { Paper, TopicRef } from "@/domain/paper";
import { abstractSnippet, highlightRanges, type Range, type Snippet } from "@/domain/search/highlight";
import type { QueryPlan } from "@/domain/search/query-plan";
import { sanitizeQuery } from "@/domain/search/sanitize-query";
import { topicFilter } from "@/server/papers/feed-list";
import type { MatchFilter } from "@/server/store/search";
import { rankedIds } from "./ranked-ids";
import type { Store } from "@/server/store/store";

/** What a search reads: the full-text index, the listing (no words), papers and topics. */
export type SearchReads = Pick<Store, "search" | "listing" | "papers" | "topics">;

export type SearchSort = "relevance" | "trending" | "new";

export interface SearchParams {
  q: string;
  /** A topic slug, or several separated by commas: papers in any of them. */
  topic?: string;
  /** Only these papers (the papers of the authors asked for). */
  paperIds?: readonly number[];
  /** Only papers with a code link. */
  hasCode?: boolean;
  sort: SearchSort;
  window: FeedWindow;
  limit: number;
  offset: number;
  now: Date;
}

export interface SearchResult {
  paper: Paper;
  titleHighlights: Range[];
  snippet: Snippet;
  /** Text relevance in [0, 1] (1 = best match of this search); 0 when sorted by trending or new. */
  relevance: number;
}

export interface SearchResults {
  results: SearchResult[];
  total: number;
  correctedQuery?: string;
  notice?: string;
  /** Nearby topics, when nothing matched. */
  suggestions?: TopicRef[];
  /** The query matched too many papers to count or rank them all: `total` is a lower bound ("10,000+"). */
  totalIsLowerBound?: boolean;
}

export async function searchPapers(store: SearchReads, params: SearchParams): Promise<SearchResults> {
  const query = sanitizeQuery(params.q);
  const notice = query.notice ? { notice: query.notice } : {};
  const filter: MatchFilter = {
    since: windowStart(params.window, params.now),
    ...(await topicFilter(store, topicSlugs(params.topic))),
    ...(params.paperIds ? { paperIds: params.paperIds } : {}),
    ...(params.hasCode ? { hasCode: true } : {}),
  };

  if (query.text === "") {
    const page = await store.listing.listPapers({
      order: params.sort === "new" ? "new" : "trending",
      ...filter,
      limit: params.limit,
      offset: params.offset,
    });
    return { results: page.papers.map((paper) => explain(paper, [], 0)), total: page.total, ...notice };
  }
  if (query.terms.length === 0)
    return { results: [], total: 0, ...notice, suggestions: await store.topics.suggestTopics("") };

  const { plan, page } = await rankedIds(store, query, {
    filter,
    order: params.sort,
    limit: params.limit,
    offset: params.offset,
  });
  const papers = await store.papers.papersInOrder(page.ids.map((r) => r.id));
  const relevanceById = new Map(page.ids.map((r) => [r.id, r.relevance]));
  return {
    results: papers.map((paper) => explain(paper, plan.highlightTerms, relevanceById.get(paper.id) ?? 0)),
    total: page.total,
    ...(plan.correctedQuery ? { correctedQuery: plan.correctedQuery } : {}),
    ...notice,
    ...(page.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
    ...(page.total === 0 ? { suggestions: await store.topics.suggestTopics(query.text) } : {}),
  };
}

function explain(paper: Paper, terms: QueryPlan["highlightTerms"], relevance: number): SearchResult {
  return {
    paper,
    titleHighlights: highlightRanges(paper.title, terms),
    snippet: abstractSnippet(paper.abstract, terms),
    relevance,
  };
}
