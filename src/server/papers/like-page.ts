// `?like=<text>`: papers ranked by similarity to a pasted abstract or paragraph (the related index's
// tf-idf cosine), then narrowed by the page's other filters (window, topic, code) and paged.
import { decodeCursor, encodeCursor, windowStart, type FeedQuery } from "@/domain/feed-params";
import type { Store } from "@/server/store/store";
import { UnknownTopicError, type FeedPage } from "./feed-list";

/** The most similar papers considered: far more than anyone pages through, few enough to load at once. */
export const LIKE_CANDIDATES = 200;

export async function likePage(
  store: Pick<Store, "related" | "papers" | "topics">,
  query: FeedQuery & { like: string },
  now: Date,
): Promise<FeedPage> {
  if (query.topic && !(await store.topics.topicBySlug(query.topic))) throw new UnknownTopicError(query.topic);
  const offset = query.cursor ? (decodeCursor(query.cursor) ?? 0) : 0;
  const similar = await store.related.similarTo(query.like, LIKE_CANDIDATES);
  const since = windowStart(query.window, now);
  const papers = (await store.papers.papersInOrder(similar.map((s) => s.paperId))).filter(
    (paper) =>
      (!since || paper.feedAt >= since) &&
      (!query.topic || paper.topics.some((topic) => topic.slug === query.topic)) &&
      (query.has !== "code" || paper.codeUrl !== null),
  );
  // Similarity is the order unless the reader asked for trending or newest first among the similar papers.
  if (query.sort === "trending") papers.sort((a, b) => b.trendKey - a.trendKey || a.id - b.id);
  if (query.sort === "new") papers.sort((a, b) => b.feedAt.getTime() - a.feedAt.getTime() || b.id - a.id);
  return {
    items: papers.slice(offset, offset + query.limit).map((paper) => ({ paper })),
    nextCursor: offset + query.limit < papers.length ? encodeCursor(offset + query.limit) : null,
    offset,
    total: papers.length,
  };
}
