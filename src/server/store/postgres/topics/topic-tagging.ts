// Topic tags on PostgreSQL: PaperTopic rows, Topic.paperCount and Paper.topicsText (which the search
// vector includes), set-based, inside the caller's transaction (a session: see SqlSession).
import { categoryTopic, isArxivCategory } from "@/domain/topics/arxiv-categories";
import type { PaperTag } from "@/server/store/sqlite/topics/topic-tagging";
import type { SqlSession } from "@/server/store/postgres/pg-client";

/**
 * Adds tags (existing ones are kept). `topicsTextWritten`: the papers were inserted with the topicsText of
 * exactly these tags (pretagging), so it is not computed again.
 */
export async function addTags(
  tx: SqlSession,
  tags: readonly PaperTag[],
  { topicsTextWritten = false } = {},
): Promise<number> {
  if (tags.length === 0) return 0;
  const inserted = await tx.rows<{ topicId: number }>(
    `INSERT INTO "PaperTopic" ("paperId", "topicId", "weight")
     SELECT DISTINCT ON ("paperId", "topicId") "paperId", "topicId", "weight" FROM jsonb_to_recordset($1::jsonb) AS t("paperId" int, "topicId" int, "weight" float8)
     ON CONFLICT DO NOTHING RETURNING "topicId"`,
    JSON.stringify(tags),
  );
  const gained = new Map<number, number>();
  for (const row of inserted) gained.set(Number(row.topicId), (gained.get(Number(row.topicId)) ?? 0) + 1);
  if (gained.size > 0) {
    // Row locks in id order: two instances tagging at once cannot deadlock on the counters.
    await tx.run(
      `UPDATE "Topic" SET "paperCount" = "paperCount" + g."n" FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS g("id" int, "n" int) ORDER BY "id") g WHERE "Topic"."id" = g."id"`,
      JSON.stringify([...gained].sort((a, b) => a[0] - b[0]).map(([id, n]) => ({ id, n }))),
    );
  }
  if (!topicsTextWritten) await refreshTopicsText(tx, [...new Set(tags.map((t) => t.paperId))]);
  return inserted.length;
}

/** topicsText = every topic's label and aliases, " | "-separated; only changed rows are written. */
async function refreshTopicsText(tx: SqlSession, paperIds: readonly number[]): Promise<void> {
  await tx.run(
    `WITH wanted AS (
       SELECT pt."paperId" AS id,
              string_agg(t."label" || coalesce((SELECT ' | ' || string_agg(a, ' | ') FROM jsonb_array_elements_text(t."aliases"::jsonb) a), ''), ' | ' ORDER BY t."id") AS text
       FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId" WHERE pt."paperId" = ANY($1::int[]) GROUP BY pt."paperId")
     UPDATE "Paper" SET "topicsText" = wanted.text FROM wanted WHERE "Paper"."id" = wanted.id AND "Paper"."topicsText" <> wanted.text`,
    [...paperIds],
  );
}

/** Topic ids for arXiv category codes, creating the category topics on first sight. */
export async function categoryTopicIds(tx: SqlSession, codes: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(codes)].filter(isArxivCategory);
  const ids = new Map<string, number>();
  if (wanted.length === 0) return ids;
  const topics = wanted.map((code) => ({ code, ...categoryTopic(code) }));
  await tx.run(
    `INSERT INTO "Topic" ("slug", "label", "kind", "aliases", "paperCount")
     SELECT "slug", "label", 'category', json_build_array("code")::text, 0 FROM jsonb_to_recordset($1::jsonb) AS t("slug" text, "label" text, "code" text)
     ON CONFLICT ("slug") DO NOTHING`,
    JSON.stringify(topics),
  );
  const rows = await tx.rows<{ id: number; slug: string }>(
    `SELECT "id", "slug" FROM "Topic" WHERE "slug" = ANY($1::text[])`,
    topics.map((t) => t.slug),
  );
  const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
  for (const t of topics) {
    const id = idBySlug.get(t.slug);
    if (id !== undefined) ids.set(t.code, id);
  }
  return ids;
}
