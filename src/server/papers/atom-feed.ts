// The Atom feed of a feed view: the same papers, in the same order, as the page with these parameters.
import { buildAtom } from "@/domain/atom";
import type { FeedQuery } from "@/domain/feed-params";
import { paperAtomFeed } from "@/domain/paper-atom";
import type { Store } from "@/server/store/store";
import { loadFeed } from "./feed-page";

/** Builds the feed document; throws UnknownTopicError (from loadFeed) for a topic that does not exist. */
export async function atomFeedXml(store: Store, query: FeedQuery, now: Date, appUrl: string): Promise<string> {
  const sort = query.sort ?? (query.q ? "relevance" : undefined);
  const view = await loadFeed(store, { ...query, ...(sort ? { sort } : {}) }, now);
  const topic = query.topic ? await store.topics.topicBySlug(query.topic) : null;
  return buildAtom(
    paperAtomFeed({
      appUrl,
      query: {
        q: query.q,
        topic: query.topic,
        author: query.author,
        has: query.has,
        like: query.like,
        window: query.window,
        sort: query.sort,
      },
      ...(topic ? { topicLabel: topic.label } : {}),
      papers: view.items.map((item) => item.paper),
      now,
    }),
  );
}
