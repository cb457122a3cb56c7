// Topic labels of a set of papers, in one query (for cards and API items).
import type { TopicRef } from "@/domain/paper";
import type { Db } from "@/server/store/sqlite/prisma-client";

export async function topicsOfPapers(db: Db, paperIds: readonly number[]): Promise<Map<number, TopicRef[]>> {
  const byPaper = new Map<number, TopicRef[]>();
  if (paperIds.length === 0) return byPaper;
  const links = await db.paperTopic.findMany({
    where: { paperId: { in: [...paperIds] } },
    orderBy: [{ weight: "desc" }],
    select: { paperId: true, topic: { select: { slug: true, label: true } } },
  });
  for (const link of links) {
    const list = byPaper.get(link.paperId) ?? [];
    list.push(link.topic);
    byPaper.set(link.paperId, list);
  }
  return byPaper;
}
