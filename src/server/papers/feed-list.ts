// The feed: papers of a time window in the listing's trending (or newest-first) order, optionally within a
// topic. Search queries are answered by the search module; this module pages the plain listing.
import { authorKeys } from "@/domain/authors/author-key";
import { decodeCursor, encodeCursor, topicSlugs, windowStart, type FeedQuery } from "@/domain/feed-params";
import type { Paper } from "@/domain/paper";
import type { MatchFilter } from "@/server/store/search";
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

/** Topic slugs to the listing's filter: one topic keeps its own fast path; several match any of them. */
export async function topicFilter(
  store: Pick<Store, "topics">,
  slugs: readonly string[],
): Promise<Pick<MatchFilter, "topicId" | "topicIds">> {
  const ids: number[] = [];
  for (const slug of slugs) {
    const topic = await store.topics.topicBySlug(slug);
    if (!topic) throw new UnknownTopicError(slug);
    ids.push(topic.id);
  }
  if (ids.length === 0) return {};
  return ids.length === 1 ? { topicId: ids[0]! } : { topicIds: ids };
}

/** The papers of any of these authors, matched by normalised name. */
export function authorPaperIds(store: Pick<Store, "authors">, names: readonly string[]): Promise<number[]> {
  return store.authors.paperIdsBy(authorKeys(names));
}

/** Lists a page of the feed without a search query. */
export async function listFeed(
  store: Pick<Store, "listing" | "topics" | "authors">,
  query: FeedQuery,
  now: Date,
): Promise<FeedPage> {
  const offset = query.cursor ? (decodeCursor(query.cursor) ?? 0) : 0;
  const page = await store.listing.listPapers({
    order: query.sort === "new" ? "new" : "trending",
    since: windowStart(query.window, now),
    ...(await topicFilter(store, topicSlugs(query.topic))),
    ...(query.author ? { paperIds: await authorPaperIds(store, query.author) } : {}),
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
