// The topic lists the feed page shows beside every result (filter chips, subscribe choices), read in one query
// and kept per process for a short while: they change only when papers are imported, and re-reading them on
// every page would add a query to each feed render (docs/architecture.md, "Caching").
import type { Store } from "@/server/store/store";
import type { TopicSummary } from "@/server/store/topics";

/** How long a read of the topic lists is reused: an import shows in the chips' counts after at most this. */
export const TOPIC_LISTS_TTL_MS = 30_000;

export interface TopicLists {
  /** Every topic with papers, most papers first. */
  topics: TopicSummary[];
  /** What the subscribe box offers: the largest topics, ties by slug. */
  choices: { slug: string; label: string }[];
}

const CHOICES = 12;
const kept = new WeakMap<Store["topics"], { readAt: number; lists: Promise<TopicLists> }>();

async function readTopicLists(store: Pick<Store, "topics">): Promise<TopicLists> {
  const topics = await store.topics.listTopics();
  const choices = [...topics]
    .sort((a, b) => b.paperCount - a.paperCount || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .slice(0, CHOICES)
    .map(({ slug, label }) => ({ slug, label }));
  return { topics, choices };
}

/** The topic lists as of at most TOPIC_LISTS_TTL_MS before `now` (concurrent callers share one read). */
export function topicLists(store: Pick<Store, "topics">, now: Date): Promise<TopicLists> {
  const entry = kept.get(store.topics);
  const age = entry ? now.getTime() - entry.readAt : Infinity;
  if (entry && age >= 0 && age < TOPIC_LISTS_TTL_MS) return entry.lists;
  const lists = readTopicLists(store);
  kept.set(store.topics, { readAt: now.getTime(), lists });
  // A failed read is not kept: the next page tries again.
  lists.catch(() => kept.delete(store.topics));
  return lists;
}
