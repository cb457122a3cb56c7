// Topics to suggest when a search finds nothing: the topics whose names are closest to the query
// (fuse.js over labels and aliases; a few hundred entries at most), else the largest topics.
import Fuse from "fuse.js";
import type { TopicRef } from "@/domain/paper";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { clientCache } from "@/server/store/sqlite/direct-connection";
import { parseJsonList } from "@/server/store/sqlite/papers/paper-rows";

interface SuggestionIndex {
  topicCount: number;
  fuse: Fuse<{ slug: string; label: string; names: string[] }>;
  popular: TopicRef[];
}
const indexes = clientCache<SuggestionIndex>("topic-suggestions");
const SUGGESTIONS = 5;

export async function suggestTopics(db: Db, text: string): Promise<TopicRef[]> {
  const index = await suggestionIndex(db);
  const hits = text.trim() === "" ? [] : index.fuse.search(text.slice(0, 32), { limit: SUGGESTIONS });
  const found = hits.map((h) => ({ slug: h.item.slug, label: h.item.label }));
  return found.length > 0 ? found : index.popular;
}

async function suggestionIndex(db: Db): Promise<SuggestionIndex> {
  const topicCount = await db.topic.count({ where: { paperCount: { gt: 0 } } });
  const cached = indexes.get(db);
  if (cached && cached.topicCount === topicCount) return cached;
  const topics = await db.topic.findMany({
    where: { paperCount: { gt: 0 } },
    orderBy: { paperCount: "desc" },
    select: { slug: true, label: true, aliases: true },
  });
  const entries = topics.map((t) => ({ slug: t.slug, label: t.label, names: [t.label, ...parseJsonList(t.aliases)] }));
  // Typed text is matched as plain text: extended-search operators are off (fuse's default).
  const fuse = new Fuse(entries, { keys: ["names"], threshold: 0.4, ignoreLocation: true });
  const index = {
    topicCount,
    fuse,
    popular: entries.slice(0, SUGGESTIONS).map(({ slug, label }) => ({ slug, label })),
  };
  indexes.set(db, index);
  return index;
}
