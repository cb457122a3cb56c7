// The feed: papers of a time window in the listing's trending (or newest-first) order, optionally within a
// topic. Search queries are answered by the search module; this module pages the plain listing.
import { decodeCursor, encodeCursor, windowStart, type FeedQuery } from "@/domain/feed-params";
import type { Paper } from "@/domain/paper";
import type { Store } from "@/server/store/store";

export interface FeedItem {
  paper: Paper;
  /** Character ranges of the query's matches in the title (search results only). */
  titleHighlights?: [number, number][];
  snippet?: { text: string; highlights: [number, number][] };
}

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
  /** The offset of the first item: rank of item i is offset + i + 1. */
  offset: number;
  total: number;
}

export class UnknownTopicError extends Error {
  constructor(readonly slug: string) {
    super(`unknown topic "${slug}"`);
    this.name = "UnknownTopicError";
  }
}

/** Lists a page of the feed without a search query. */
export async function listFeed(
  store: Pick<Store, "listing" | "topics">,
  query: FeedQuery,
  now: Date,
): Promise<FeedPage> {
  const offset = query.cursor ? (decodeCursor(query.cursor) ?? 0) : 0;
  let topicId: number | undefined;
  if (query.topic) {
    const topic = await store.topics.topicBySlug(query.topic);
    if (!topic) throw new UnknownTopicError(query.topic);
    topicId = topic.id;
  }
  const page = await store.listing.listPapers({
    order: query.sort === "new" ? "new" : "trending",
    since: windowStart(query.window, now),
    ...(topicId !== undefined ? { topicId } : {}),
    ...(query.has === "code" ? { hasCode: true } : {}),
    limit: query.limit,
    offset,
  });
  return {
    items: page.papers.map((paper) => ({ paper })),
    nextCursor: offset + query.limit < page.total ? encodeCursor(offset + query.limit) : null,
    offset,
    total: page.total,
  };
}
