// The Atom feed of a feed view: the same papers, in the same order, as the page with these parameters.
import { buildAtom } from "@/domain/atom";
import type { FeedQuery } from "@/domain/feed-params";
import { paperAtomFeed } from "@/domain/paper-atom";
import { env } from "@/env";
import type { Db } from "./db";
import { loadFeed } from "./feed-page";

/** Builds the feed document; throws UnknownTopicError (from loadFeed) for a topic that does not exist. */
export async function atomFeedXml(db: Db, query: FeedQuery, now: Date): Promise<string> {
  const sort = query.sort ?? (query.q ? "relevance" : undefined);
  const view = await loadFeed(db, { ...query, ...(sort ? { sort } : {}) }, now);
  const topic = query.topic
    ? await db.topic.findUnique({ where: { slug: query.topic }, select: { label: true } })
    : null;
  return buildAtom(
    paperAtomFeed({
      appUrl: env().appUrl,
      query: { q: query.q, topic: query.topic, window: query.window, sort: query.sort },
      ...(topic ? { topicLabel: topic.label } : {}),
      papers: view.items.map((item) => item.paper),
      now,
    }),
  );
}
