// Everything a feed view needs in one call: the listing (or search results) plus each paper's
// trending explanation. Used by the feed page, /api/papers and /feed.xml alike.
import { decodeCursor, encodeCursor, type FeedQuery } from "@/domain/feed-params";
import type { TopicRef } from "@/domain/paper";
import type { HistoryPoint } from "@/domain/trend-history";
import { searchPapers } from "@/server/search/search-papers";
import type { Store } from "@/server/store/store";
import { authorPaperIds, listFeed, type FeedItem, type FeedPage } from "./feed-list";
import { RETIRED_TOPIC } from "@/server/store/topics";
import { likePage } from "./like-page";

export interface TrendingInfo {
  score: number;
  rank: number;
  reasons: { text: string; detail: string }[];
  /** The last 14 days' scores (API only: pages do not show them in lists). */
  history?: HistoryPoint[];
}

export interface FeedView {
  items: (FeedItem & { trending: TrendingInfo })[];
  nextCursor: string | null;
  total: number;
  /** The count was capped: there are at least `total` results. */
  totalIsLowerBound?: boolean;
  notice?: string;
  correctedQuery?: string;
  /** Nearby topics, offered when a search found nothing. */
  suggestions?: TopicRef[];
}

type SearchExtras = Pick<FeedView, "totalIsLowerBound" | "notice" | "correctedQuery" | "suggestions">;

async function searchPage(store: Store, query: FeedQuery & { q: string }, now: Date): Promise<FeedPage & SearchExtras> {
  const offset = query.cursor ? (decodeCursor(query.cursor) ?? 0) : 0;
  const found = await searchPapers(store, {
    q: query.q,
    topic: query.topic,
    ...(query.author ? { paperIds: await authorPaperIds(store, query.author) } : {}),
    sort: query.sort ?? "relevance",
    window: query.window,
    ...(query.has === "code" ? { hasCode: true } : {}),
    limit: query.limit,
    offset,
    now,
  });
  return {
    items: found.results.map((r) => ({ paper: r.paper, titleHighlights: r.titleHighlights, snippet: r.snippet })),
    nextCursor: offset + found.results.length < found.total ? encodeCursor(offset + query.limit) : null,
    offset,
    total: found.total,
    ...(found.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
    ...(found.notice ? { notice: found.notice } : {}),
    ...(found.correctedQuery ? { correctedQuery: found.correctedQuery } : {}),
    ...(found.suggestions?.length ? { suggestions: found.suggestions } : {}),
  };
}

/**
 * A retired topic (a generic word that stopped being a topic) answers as a search for its word, so old
 * links, feeds and API calls keep listing the papers that use it.
 */
async function withoutRetiredTopic(store: Pick<Store, "topics">, query: FeedQuery): Promise<FeedQuery> {
  if (!query.topic) return query;
  const topic = await store.topics.topicBySlug(query.topic);
  if (topic?.kind !== RETIRED_TOPIC) return query;
  return { ...query, topic: undefined, q: [query.q, topic.label].filter(Boolean).join(" ") };
}

export async function loadFeed(
  store: Store,
  feedQuery: FeedQuery,
  now: Date,
  { history = false } = {},
): Promise<FeedView> {
  const query = await withoutRetiredTopic(store, feedQuery);
  // The search module sanitises the query (and cuts it at 200 characters, with a notice).
  const { items, offset, ...rest } = query.like
    ? await likePage(store, { ...query, like: query.like }, now)
    : query.q
      ? await searchPage(store, { ...query, q: query.q }, now)
      : await listFeed(store, query, now);
  const ids = items.map((item) => item.paper.id);
  const [explanations, histories] = await Promise.all([
    store.trending.explainTrending(ids, now),
    history ? store.trending.trendHistory(ids, now) : null,
  ]);
  return {
    ...rest,
    items: items.map((item, i) => {
      const explanation = explanations.get(item.paper.id);
      // The rank is the position in this list (window, topic and search included), not the all-time rank.
      return {
        ...item,
        trending: {
          score: explanation?.score ?? 0,
          rank: offset + i + 1,
          reasons: explanation?.reasons ?? [],
          ...(histories ? { history: histories.get(item.paper.id) ?? [] } : {}),
        },
      };
    }),
  };
}
