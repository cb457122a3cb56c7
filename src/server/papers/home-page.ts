// Everything the feed page (/) shows, loaded for one request: the feed or search results of the URL's
// query (bad parameters fall back to the default feed) and the topic lists. Nothing here depends on the
// visitor, so the page can be cached; which papers a visitor upvoted comes from /api/visitor/votes.
import { FeedQuerySchema, feedQueryInput, type FeedQuery } from "@/domain/feed-params";
import type { Store } from "@/server/store/store";
import type { TopicSummary } from "@/server/store/topics";
import { UnknownTopicError } from "./feed-list";
import { loadFeed, type FeedView } from "./feed-page";
import { topicLists } from "./topic-lists";

export interface HomePage {
  query: FeedQuery;
  sort: NonNullable<FeedQuery["sort"]>;
  /** False when the address had parameters that were not understood (the default feed is shown). */
  understood: boolean;
  /** Null: the URL named a topic that does not exist. */
  feed: FeedView | null;
  /** Topics for the filter chips. */
  topics: TopicSummary[];
  /** Topics offered by the subscribe box. */
  topicChoices: { slug: string; label: string }[];
  /** The page's own path and query, where the no-JavaScript vote form returns to. */
  returnTo: string;
}

export async function loadHomePage(store: Store, urlParams: URLSearchParams, now: Date): Promise<HomePage> {
  const parsed = FeedQuerySchema.safeParse(feedQueryInput(urlParams));
  const query: FeedQuery = parsed.success ? parsed.data : FeedQuerySchema.parse({});
  const sort = query.sort ?? (query.q || query.like ? "relevance" : "trending");
  const [feed, lists] = await Promise.all([
    loadFeed(store, { ...query, sort }, now).catch((error: unknown) => {
      if (error instanceof UnknownTopicError) return null;
      throw error;
    }),
    topicLists(store, now),
  ]);
  return {
    query,
    sort,
    understood: parsed.success,
    feed,
    topicChoices: lists.choices,
    topics: lists.topics.slice(0, 10),
    returnTo: urlParams.size > 0 ? `/?${urlParams.toString()}` : "/",
  };
}
