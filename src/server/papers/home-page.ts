// Everything the feed page (/) shows, loaded for one request: the feed or search results of the URL's
// query (bad parameters fall back to the default feed), the visitor's votes, and the topic lists.
import { FeedQuerySchema, feedQueryInput, type FeedQuery } from "@/domain/feed-params";
import type { Store } from "@/server/store/store";
import type { TopicSummary } from "@/server/store/topics";
import { UnknownTopicError } from "./feed-list";
import { loadFeed, type FeedView } from "./feed-page";

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
  store: Store,
  urlParams: URLSearchParams,
  visitorId: string | null,
  now: Date,
): Promise<HomePage> {
  const parsed = FeedQuerySchema.safeParse(feedQueryInput(urlParams));
  const query: FeedQuery = parsed.success ? parsed.data : FeedQuerySchema.parse({});
  const sort = query.sort ?? (query.q || query.like ? "relevance" : "trending");
  let feed: FeedView | null;
  try {
    feed = await loadFeed(store, { ...query, sort }, now);
  } catch (error) {
    if (!(error instanceof UnknownTopicError)) throw error;
    feed = null;
  }
  const voted = await store.trending.votedPaperIds(visitorId, feed?.items.map((item) => item.paper.id) ?? []);
  const [topicChoices, topics] = await Promise.all([store.topics.topicChoices(12), store.topics.listTopics()]);
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
