// Search: sanitise the query, plan it against the warm vocabulary (prefix completion, typo correction,
// variants), fetch candidates from FTS5, rank them (relevance blended with trending, or the feed's own
// orders), and explain each hit with title highlights and an abstract snippet.
import { windowStart, type FeedWindow } from "@/domain/feed-params";
import type { Paper, TopicRef } from "@/domain/paper";
import { abstractSnippet, highlightRanges, type Range, type Snippet } from "@/domain/search/highlight";
import { planQuery, type QueryPlan } from "@/domain/search/query-plan";
import { sanitizeQuery } from "@/domain/search/sanitize-query";
import type { Db } from "@/server/db";
import { UnknownTopicError } from "@/server/feed";
import { matchExpression } from "./fts";
import { rankMatches, type MatchFilter, type RankedPage } from "./rank-matches";
import { searchVocabulary } from "./search-index";
import type { TermVocabulary } from "@/domain/search/term-vocabulary";
import { listTopicPapers, papersInOrder, topicBySlug } from "./topic-queries";
import { suggestTopics } from "./topic-suggestions";

export { listTopics, listTopicPapers, topicBySlug } from "./topic-queries";
export { UnknownTopicError };

export type SearchSort = "relevance" | "trending" | "new";

export interface SearchParams {
  q: string;
  topic?: string;
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

export async function searchPapers(db: Db, params: SearchParams): Promise<SearchResults> {
  const query = sanitizeQuery(params.q);
  const topic = params.topic ? await topicBySlug(db, params.topic) : undefined;
  if (params.topic && !topic) throw new UnknownTopicError(params.topic);
  const notice = query.notice ? { notice: query.notice } : {};
  const filter: MatchFilter = {
    since: windowStart(params.window, params.now),
    ...(topic ? { topicId: topic.id } : {}),
  };

  if (query.text === "") {
    const sort = params.sort === "new" ? "new" : "trending";
    const page = topic
      ? await listTopicPapers(db, {
          topicId: topic.id,
          paperCount: topic.paperCount,
          window: params.window,
          sort,
          limit: params.limit,
          offset: params.offset,
          now: params.now,
        })
      : { papers: await papersInOrder(db, await orderedIds(db, filter, sort, params)), total: -1 };
    return {
      results: page.papers.map((paper) => explain(paper, [], 0)),
      total: page.total >= 0 ? page.total : await countAll(db, filter),
      ...notice,
    };
  }
  if (query.terms.length === 0) return { results: [], total: 0, ...notice, suggestions: await suggestTopics(db, "") };

  let vocabulary = await searchVocabulary(db, false);
  if (query.terms.some((t) => !vocabulary.has(t))) vocabulary = await searchVocabulary(db, true);
  const plan = planQuery(query.terms, vocabulary, query.lastTermIsPartial);
  const rank = (mode: "all" | "any") =>
    rankMatches(
      db,
      matchExpression(plan.slots, mode),
      estimateMatches(plan, vocabulary, mode),
      filter,
      params.sort,
      params.limit,
      params.offset,
    );
  let page: RankedPage = await rank("all");
  // No paper has every word: fall back to papers with any of them (bm25 still prefers those with more).
  if (page.total === 0 && plan.slots.length > 1) page = await rank("any");
  const papers = await papersInOrder(
    db,
    page.ids.map((r) => r.id),
  );
  const relevanceById = new Map(page.ids.map((r) => [r.id, r.relevance]));
  return {
    results: papers.map((paper) => explain(paper, plan.highlightTerms, relevanceById.get(paper.id) ?? 0)),
    total: page.total,
    ...(plan.correctedQuery ? { correctedQuery: plan.correctedQuery } : {}),
    ...notice,
    ...(page.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
    ...(page.total === 0 ? { suggestions: await suggestTopics(db, query.text) } : {}),
  };
}

/** Matches estimated from the vocabulary sample: all words → the rarest slot, any word → the sum. */
function estimateMatches(plan: QueryPlan, vocabulary: TermVocabulary, mode: "all" | "any"): number {
  const perSlot = plan.slots.map((slot) =>
    slot.alternatives.reduce(
      (sum, alt) =>
        sum +
        (alt.prefix
          ? vocabulary.prefixFrequency(alt.words.at(-1)!)
          : Math.min(...alt.words.map((w) => vocabulary.docFrequency(w)))),
      0,
    ),
  );
  const estimate = mode === "all" ? Math.min(...perSlot) : perSlot.reduce((a, b) => a + b, 0);
  return Math.round(estimate * vocabulary.scale);
}

function explain(paper: Paper, terms: QueryPlan["highlightTerms"], relevance: number): SearchResult {
  return {
    paper,
    titleHighlights: highlightRanges(paper.title, terms),
    snippet: abstractSnippet(paper.abstract, terms),
    relevance,
  };
}

async function orderedIds(
  db: Db,
  filter: MatchFilter,
  sort: "trending" | "new",
  params: SearchParams,
): Promise<number[]> {
  const since = filter.since ? { feedAt: { gte: filter.since } } : {};
  const orderBy =
    sort === "new"
      ? [{ feedAt: "desc" as const }, { id: "desc" as const }]
      : [
          { trendKey: "desc" as const },
          { sourceRank: { sort: "asc" as const, nulls: "last" as const } },
          { id: "asc" as const },
        ];
  const rows = await db.paper.findMany({
    where: since,
    orderBy,
    skip: params.offset,
    take: params.limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function countAll(db: Db, filter: MatchFilter): Promise<number> {
  return db.paper.count({ where: filter.since ? { feedAt: { gte: filter.since } } : {} });
}
