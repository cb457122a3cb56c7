// Everything a feed view needs in one call: the listing (or search results) plus each paper's
// trending explanation. Used by the feed page, /api/papers and /feed.xml alike.
import { cutQuery, type FeedQuery } from "../domain/feed-params";
import { scoreFromKey } from "../domain/trending";
import { env } from "../env";
import type { Db } from "./db";
import { listFeed, UnknownTopicError, type FeedItem } from "./feed";

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
  const halfLife = env().TRENDING_HALF_LIFE_HOURS;
  return {
    items: page.items.map((item, i) => ({
      ...item,
      trending: { score: scoreFromKey(item.paper.trendKey, now, halfLife), rank: page.offset + i + 1, reasons: [] },
    })),
    nextCursor: page.nextCursor,
    total: page.total,
    ...(cut ? { notice: "Your search was longer than 200 characters and was cut." } : {}),
  };
}
