// The feed: papers of a time window in trending (or newest-first) order, optionally within a topic.
// Search queries are answered by the search module; this module owns the plain listing.
import type { Paper } from "@/domain/paper";
import { decodeCursor, encodeCursor, windowStart, type FeedQuery } from "@/domain/feed-params";
import type { Db } from "./db";
import { PAPER_ROW_SELECT, toPaper } from "./paper-rows";
import { topicsOfPapers } from "./paper-topics";
import { trendingOrderBy } from "./trending-order";

export interface FeedItem {
  paper: Paper;
  /** Character ranges of the query's matches in the title (search results only). */
  titleHighlights?: [number, number][];
  snippet?: { text: string; highlights: [number, number][] };
}

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
  /** The offset of the first item: rank of item i is offset + i + 1. */
  offset: number;
  total: number;
}

export class UnknownTopicError extends Error {
  constructor(readonly slug: string) {
    super(`unknown topic "${slug}"`);
    this.name = "UnknownTopicError";
  }
}

/** Lists a page of the feed without a search query. */
export async function listFeed(db: Db, query: FeedQuery, now: Date): Promise<FeedPage> {
  const offset = query.cursor ? (decodeCursor(query.cursor) ?? 0) : 0;
  const since = windowStart(query.window, now);
  let topicId: number | undefined;
  if (query.topic) {
    const topic = await db.topic.findUnique({ where: { slug: query.topic }, select: { id: true } });
    if (!topic) throw new UnknownTopicError(query.topic);
    topicId = topic.id;
  }
  const where = {
    ...(since ? { feedAt: { gte: since } } : {}),
    ...(topicId !== undefined ? { topics: { some: { topicId } } } : {}),
  };
  const orderBy =
    query.sort === "new" ? [{ feedAt: "desc" as const }, { id: "desc" as const }] : trendingOrderBy(since !== null);
  const [rows, total] = await Promise.all([
    db.paper.findMany({ where, orderBy, skip: offset, take: query.limit + 1, select: PAPER_ROW_SELECT }),
    db.paper.count({ where }),
  ]);
  const pageRows = rows.slice(0, query.limit);
  const topics = await topicsOfPapers(
    db,
    pageRows.map((r) => r.id),
  );
  return {
    items: pageRows.map((row) => ({ paper: toPaper(row, topics.get(row.id) ?? []) })),
    nextCursor: rows.length > query.limit ? encodeCursor(offset + query.limit) : null,
    offset,
    total,
  };
}
