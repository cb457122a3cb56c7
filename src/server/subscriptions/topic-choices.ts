// The topics offered in the subscribe form: the vocabulary's most common topics, as { slug, label }.
import type { Db } from "@/server/db";

export async function subscribeTopicChoices(db: Db, limit = 24): Promise<{ slug: string; label: string }[]> {
  return db.topic.findMany({
    where: { paperCount: { gt: 0 } },
    orderBy: [{ paperCount: "desc" }, { slug: "asc" }],
    take: limit,
    select: { slug: true, label: true },
  });
}
