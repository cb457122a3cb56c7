// Everything a feed view needs in one call: the listing (or search results) plus each paper's
// trending explanation. Used by the feed page, /api/papers and /feed.xml alike.
import { cutQuery, type FeedQuery } from "../domain/feed-params";
import type { Db } from "./db";
import { listFeed, UnknownTopicError, type FeedItem } from "./feed";
import { explainTrending } from "./trending-explain";

export { UnknownTopicError };

export interface TrendingInfo {
  score: number;
  rank: number;
  reasons: { text: string; detail: string }[];
}

export interface FeedView {
  items: (FeedItem & { trending: TrendingInfo })[];
  nextCursor: string | null;
  total: number;
  notice?: string;
  correctedQuery?: string;
}

export async function loadFeed(db: Db, query: FeedQuery, now: Date): Promise<FeedView> {
  const { q, cut } = cutQuery(query.q);
  const page = await listFeed(db, { ...query, q }, now);
  const explanations = await explainTrending(db, page.items.map((item) => item.paper.id), now);
  return {
    items: page.items.map((item, i) => {
      const explanation = explanations.get(item.paper.id);
      // The rank is the position in this list (window, topic and search included), not the all-time rank.
      return { ...item, trending: { score: explanation?.score ?? 0, rank: page.offset + i + 1, reasons: explanation?.reasons ?? [] } };
    }),
    nextCursor: page.nextCursor,
    total: page.total,
    ...(cut ? { notice: "Your search was longer than 200 characters and was cut." } : {}),
  };
}
