// A topic by its slug, on the pool: every topic page and every search within a topic starts here, and the
// same lookup through Prisma cost ~1 ms more CPU (its query compiler and result mapping, see pg-client.ts).
import { parseJsonList } from "@/domain/json-list";
import type { TopicDetail } from "@/server/store/topics";
import { poolOf, type PgDb } from "@/server/store/postgres/pg-client";

export async function topicBySlug(db: PgDb, slug: string): Promise<TopicDetail | null> {
  const { rows } = await poolOf(db).query<Omit<TopicDetail, "aliases"> & { aliases: string }>(
    `SELECT "id", "slug", "label", "kind", "paperCount", "aliases" FROM "Topic" WHERE "slug" = $1`,
    [slug],
  );
  const topic = rows[0];
  return topic ? { ...topic, aliases: parseJsonList(topic.aliases) } : null;
}
