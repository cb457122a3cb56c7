// Topic reads for pages and the API: the topic list and one topic by slug (its papers: paper-listing.ts).
import type { Db } from "@/server/store/sqlite/prisma-client";
import type { TopicDetail, TopicSummary } from "@/server/store/topics";
import { parseJsonList } from "@/server/store/sqlite/papers/paper-rows";

/** Every topic that has papers, most papers first. */
export async function listTopics(db: Db): Promise<TopicSummary[]> {
  return db.topic.findMany({
    where: { paperCount: { gt: 0 } },
    orderBy: [{ paperCount: "desc" }, { label: "asc" }],
    select: { slug: true, label: true, kind: true, paperCount: true },
  });
}

export async function topicBySlug(db: Db, slug: string): Promise<TopicDetail | null> {
  const topic = await db.topic.findUnique({
    where: { slug },
    select: { id: true, slug: true, label: true, kind: true, paperCount: true, aliases: true },
  });
  return topic ? { ...topic, aliases: parseJsonList(topic.aliases) } : null;
}
