// Topic reads for pages and the API: the topic list, one topic by slug, and a topic's papers in the
// feed's order (trending, or newest first) within a time window.
import { windowStart, type FeedWindow } from "@/domain/feed-params";
import type { Paper, TopicRef } from "@/domain/paper";
import type { Db } from "@/server/db";
import { parseJsonList, PAPER_ROW_SELECT, toPaper, type PaperRow } from "@/server/paper-rows";

export interface TopicSummary {
  slug: string;
  label: string;
  /** phrase (extracted from the corpus) | category (arXiv) */
  kind: string;
  paperCount: number;
}

export interface TopicDetail extends TopicSummary {
  id: number;
  aliases: string[];
}

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

export interface TopicPapersParams {
  topicId: number;
  window: FeedWindow;
  sort: "trending" | "new";
  limit: number;
  offset: number;
  now: Date;
  /** The topic's paperCount, when the caller has it (saves a lookup). */
  paperCount?: number;
}

/** Topics at least this large are paged by walking a Paper index; smaller ones are read whole. */
const LARGE_TOPIC = 1_000;
const IN_TOPIC = `EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = p."id" AND pt."topicId" = ?)`;

/**
 * A page of a topic's papers, trending (trendKey, then id) or newest first, and the window's total.
 * Large topics walk the trendKey or feedAt index and stop after the page; small ones are read from
 * PaperTopic with the covering index and ordered in memory.
 */
export async function listTopicPapers(db: Db, params: TopicPapersParams): Promise<{ papers: Paper[]; total: number }> {
  const since = windowStart(params.window, params.now);
  const topic =
    params.paperCount !== undefined
      ? { paperCount: params.paperCount }
      : await db.topic.findUnique({ where: { id: params.topicId }, select: { paperCount: true } });
  if (!topic) return { papers: [], total: 0 };
  let ids: number[];
  let total: number;
  if (topic.paperCount >= LARGE_TOPIC) {
    const index = params.sort === "trending" && !since ? "Paper_trendKey_idx" : "Paper_feedAt_trendKey_idx";
    const order =
      params.sort === "trending" ? `p."trendKey" DESC, p."id"` : `p."feedAt" DESC, p."trendKey" DESC, p."id" DESC`;
    const where = `${since ? `p."feedAt" >= ? AND ` : ""}${IN_TOPIC}`;
    const args: unknown[] = since ? [since, params.topicId] : [params.topicId];
    const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
      `SELECT p."id" AS id FROM "Paper" p INDEXED BY "${index}" WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ...args,
      params.limit,
      params.offset,
    );
    ids = rows.map((r) => Number(r.id));
    total = since
      ? Number(
          (
            await db.$queryRawUnsafe<{ n: number | bigint }[]>(
              `SELECT count(*) AS n FROM "Paper" p INDEXED BY "Paper_feedAt_trendKey_idx" WHERE ${where}`,
              ...args,
            )
          )[0]?.n ?? 0,
        )
      : topic.paperCount;
  } else {
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; trendKey: number; feedAt: Date | string }[]>(
      `SELECT p."id" AS id, p."trendKey" AS trendKey, p."feedAt" AS feedAt FROM "PaperTopic" pt
       JOIN "Paper" p INDEXED BY "Paper_search_cover_idx" ON p."id" = pt."paperId" WHERE pt."topicId" = ?`,
      params.topicId,
    );
    const inWindow = rows
      .map((r) => ({ id: Number(r.id), trendKey: r.trendKey, feedAt: new Date(r.feedAt).getTime() }))
      .filter((r) => !since || r.feedAt >= since.getTime());
    inWindow.sort(
      params.sort === "trending"
        ? (a, b) => b.trendKey - a.trendKey || a.id - b.id
        : (a, b) => b.feedAt - a.feedAt || b.trendKey - a.trendKey || b.id - a.id,
    );
    ids = inWindow.slice(params.offset, params.offset + params.limit).map((r) => r.id);
    total = inWindow.length;
  }
  return { papers: await papersInOrder(db, ids), total };
}

const ROW_COLUMNS = Object.keys(PAPER_ROW_SELECT)
  .map((c) => `"${c}"`)
  .join(", ");

/** Loads papers (with their topics, strongest first) in the order of `ids`, in one query. */
export async function papersInOrder(db: Db, ids: readonly number[]): Promise<Paper[]> {
  if (ids.length === 0) return [];
  type Row = Omit<PaperRow, "publishedAt" | "firstSeenAt" | "feedAt"> &
    Record<"publishedAt" | "firstSeenAt" | "feedAt", Date | string | null> & { topicsJson: string };
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT ${ROW_COLUMNS}, (SELECT json_group_array(json_object('slug', t."slug", 'label', t."label") ORDER BY pt."weight" DESC, t."id")
       FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId" WHERE pt."paperId" = "Paper"."id") AS topicsJson
     FROM "Paper" WHERE "id" IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { topicsJson, ...rest } = row;
    const paperRow: PaperRow = {
      ...rest,
      id,
      publishedAt: date(row.publishedAt),
      firstSeenAt: date(row.firstSeenAt)!,
      feedAt: date(row.feedAt)!,
      sourceRank: row.sourceRank === null ? null : Number(row.sourceRank),
      votes: Number(row.votes),
    };
    return [toPaper(paperRow, JSON.parse(topicsJson) as TopicRef[])];
  });
}
