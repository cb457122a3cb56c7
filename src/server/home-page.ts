// Everything the feed page (/) shows, loaded for one request: the feed or search results of the URL's
// query (bad parameters fall back to the default feed), the visitor's votes, and the topic lists.
import { FeedQuerySchema, feedQueryInput, type FeedQuery } from "@/domain/feed-params";
import type { Db } from "./db";
import { loadFeed, UnknownTopicError, type FeedView } from "./feed-page";
import { listTopics } from "./search/search-papers";
import type { TopicSummary } from "./search/topic-queries";
import { subscribeTopicChoices } from "./subscriptions/topic-choices";
import { votedPaperIds } from "./votes";

export interface HomePage {
  query: FeedQuery;
  sort: NonNullable<FeedQuery["sort"]>;
  /** False when the address had parameters that were not understood (the default feed is shown). */
  understood: boolean;
  /** Null: the URL named a topic that does not exist. */
  feed: FeedView | null;
  voted: Set<number>;
  /** Topics for the filter chips. */
  topics: TopicSummary[];
  /** Topics offered by the subscribe box. */
  topicChoices: { slug: string; label: string }[];
  /** The page's own path and query, where the no-JavaScript vote form returns to. */
  returnTo: string;
}

export async function loadHomePage(
  db: Db,
  urlParams: URLSearchParams,
  visitorId: string | null,
  now: Date,
): Promise<HomePage> {
  const parsed = FeedQuerySchema.safeParse(feedQueryInput(urlParams));
  const query: FeedQuery = parsed.success ? parsed.data : FeedQuerySchema.parse({});
  const sort = query.sort ?? (query.q ? "relevance" : "trending");
  let feed: FeedView | null;
  try {
    feed = await loadFeed(db, { ...query, sort }, now);
  } catch (error) {
    if (!(error instanceof UnknownTopicError)) throw error;
    feed = null;
  }
  const voted = await votedPaperIds(db, visitorId, feed?.items.map((item) => item.paper.id) ?? []);
  const [topicChoices, topics] = await Promise.all([subscribeTopicChoices(db, 12), listTopics(db)]);
  return {
    query,
    sort,
    understood: parsed.success,
    feed,
    voted,
    topicChoices,
    topics: topics.slice(0, 10),
    returnTo: urlParams.size > 0 ? `/?${urlParams.toString()}` : "/",
  };
}
