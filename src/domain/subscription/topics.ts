// Subscription topics: slugs from the topic vocabulary or free text, cleaned into a short, bounded list.
import { parseJsonList } from "@/domain/json-list";

export type TopicsCheck = { ok: true; topics: string[] } | { ok: false; message: string };

export const MAX_TOPICS = 20;
export const MAX_TOPIC_LENGTH = 60;
const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{N} ._+#/-]*$/u;

/** Accepts slugs and/or comma-separated free text; lower-cases, collapses spaces, drops duplicates. */
export function normaliseTopics(input: readonly string[]): TopicsCheck {
  const seen = new Set<string>();
  for (const entry of input) {
    for (const piece of entry.split(",")) {
      const topic = piece.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
      if (topic === "") continue;
      if (topic.length > MAX_TOPIC_LENGTH)
        return { ok: false, message: `Each topic is at most ${MAX_TOPIC_LENGTH} characters.` };
      if (!ALLOWED.test(topic)) return { ok: false, message: `"${topic}" has characters a topic cannot contain.` };
      seen.add(topic);
    }
  }
  if (seen.size > MAX_TOPICS) return { ok: false, message: `Pick at most ${MAX_TOPICS} topics.` };
  return { ok: true, topics: [...seen] };
}

/** Reads the stored JSON column defensively: anything unexpected is "no topics" (= all papers). */
export const parseStoredTopics = parseJsonList;
