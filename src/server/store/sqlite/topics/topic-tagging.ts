// Writes topic tags: PaperTopic rows, Topic.paperCount and Paper.topicsText (which the FTS trigger
// indexes, so a topic's label and aliases find its papers). Set-based SQL, one statement per step.
import { parseJsonList } from "@/domain/json-list";
import { categoryTopic, isArxivCategory } from "@/domain/topics/arxiv-categories";
import type { TopicMatcher } from "@/domain/topics/topic-matcher";
import type { Db } from "@/server/store/sqlite/prisma-client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Runner = Db | Tx;

/** Weight of an arXiv-category tag: below any phrase mention, since categories are broad. */
export const CATEGORY_TAG_WEIGHT = 0.5;

export interface PaperTag {
  paperId: number;
  topicId: number;
  weight: number;
}

/** A paper's text as tagging reads it (`categories`: the stored JSON list of arXiv codes). */
export interface TaggablePaper {
  id: number;
  titleText: string;
  abstractText: string;
  categories: string;
}

/**
 * The tags of papers, on either engine: the vocabulary's matches in title and abstract, plus the topics of
 * their arXiv categories (`categories`: code → topic id). With `onlyTopic`, only matches of the topics it
 * accepts, and no category tags.
 */
export function tagsOfPapers(
  papers: readonly TaggablePaper[],
  matcher: TopicMatcher,
  categories: ReadonlyMap<string, number>,
  onlyTopic?: (topicId: number) => boolean,
): PaperTag[] {
  const tags: PaperTag[] = [];
  for (const paper of papers) {
    for (const m of matcher.match(paper.titleText, paper.abstractText)) {
      if (!onlyTopic || onlyTopic(m.topicId)) tags.push({ paperId: paper.id, topicId: m.topicId, weight: m.weight });
    }
    for (const code of onlyTopic ? [] : parseJsonList(paper.categories)) {
      const topicId = categories.get(code);
      if (topicId !== undefined) tags.push({ paperId: paper.id, topicId, weight: CATEGORY_TAG_WEIGHT });
    }
  }
  return tags;
}

/** Adds tags that do not exist yet, bumps the counts of the topics that gained papers, refreshes topicsText. */
export async function addTags(db: Runner, tags: readonly PaperTag[]): Promise<number> {
  if (tags.length === 0) return 0;
  const inserted = await db.$queryRawUnsafe<{ topicId: number | bigint }[]>(
    `INSERT OR IGNORE INTO "PaperTopic" ("paperId", "topicId", "weight")
     SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?)
     RETURNING "topicId"`,
    JSON.stringify(tags.map((t) => [t.paperId, t.topicId, t.weight])),
  );
  const gained = new Map<number, number>();
  for (const row of inserted) gained.set(Number(row.topicId), (gained.get(Number(row.topicId)) ?? 0) + 1);
  if (gained.size > 0) {
    await db.$executeRawUnsafe(
      `UPDATE "Topic" SET "paperCount" = "paperCount" + (SELECT json_extract(value, '$[1]') FROM json_each(?) WHERE json_extract(value, '$[0]') = "Topic"."id")
       WHERE "id" IN (SELECT json_extract(value, '$[0]') FROM json_each(?))`,
      JSON.stringify([...gained]),
      JSON.stringify([...gained]),
    );
  }
  await refreshTopicsText(db, [...new Set(tags.map((t) => t.paperId))]);
  return inserted.length;
}

/**
 * topicsText = every topic's label and aliases, " | "-separated. Only changed rows are written, since
 * each write re-indexes the paper in FTS.
 */
export async function refreshTopicsText(db: Runner, paperIds: readonly number[]): Promise<void> {
  if (paperIds.length === 0) return;
  await db.$executeRawUnsafe(
    `WITH wanted AS (
       SELECT pt."paperId" AS id,
              group_concat(t."label" || coalesce((SELECT ' | ' || group_concat(value, ' | ') FROM json_each(t."aliases")), ''), ' | ') AS text
       FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId"
       WHERE pt."paperId" IN (SELECT value FROM json_each(?))
       GROUP BY pt."paperId")
     UPDATE "Paper" SET "topicsText" = wanted.text FROM wanted WHERE "Paper"."id" = wanted.id AND "Paper"."topicsText" <> wanted.text`,
    JSON.stringify(paperIds),
  );
}

/** Topic ids for arXiv category codes, creating the category topics on first sight. */
export async function categoryTopicIds(db: Runner, codes: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(codes)].filter(isArxivCategory);
  const ids = new Map<string, number>();
  if (wanted.length === 0) return ids;
  const topics = wanted.map((code) => ({ code, ...categoryTopic(code) }));
  await db.$executeRawUnsafe(
    `INSERT OR IGNORE INTO "Topic" ("slug", "label", "kind", "aliases", "paperCount")
     SELECT json_extract(value, '$.slug'), json_extract(value, '$.label'), 'category', json_array(json_extract(value, '$.code')), 0 FROM json_each(?)`,
    JSON.stringify(topics),
  );
  const rows = await db.$queryRawUnsafe<{ id: number | bigint; slug: string }[]>(
    `SELECT "id" AS id, "slug" AS slug FROM "Topic" WHERE "slug" IN (SELECT value FROM json_each(?))`,
    JSON.stringify(topics.map((t) => t.slug)),
  );
  const idBySlug = new Map(rows.map((r) => [r.slug, Number(r.id)]));
  for (const t of topics) {
    const id = idBySlug.get(t.slug);
    if (id !== undefined) ids.set(t.code, id);
  }
  return ids;
}
