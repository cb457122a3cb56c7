// The listing (store/listing.ts) on SQLite, and the one paper loader. Every list of papers (feed, topic
// pages, search without words, Atom, API, digest candidates) is one call of listPapers, in one order:
// trending = "trendKey" DESC, "id" ASC; new = "feedAt" DESC, "id" DESC.
// Plans, chosen without statistics (figures in docs/benchmarks/trending.md):
// - all time, trending: exactly the Paper_trendKey_idx order, so SQLite walks that index and stops after a page;
// - a window: ranges over ("feedAt", "trendKey") for the window and keeps the top in a small sorter
//   (walking the trendKey index instead skips every paper outside the window: 20x slower for a day);
// - a topic: large topics walk a Paper index filtered by the topic; small ones are read whole from
//   PaperTopic (covering index) and ordered in memory.
import type { Paper, TopicRef } from "@/domain/paper";
import type { ListingPage, ListingQuery } from "@/server/store/listing";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { PAPER_ROW_SELECT, toPaper, type PaperRow } from "./paper-rows";

const ORDER_SQL = { trending: `p."trendKey" DESC, p."id" ASC`, new: `p."feedAt" DESC, p."id" DESC` } as const;
/** Topics at least this large are paged by walking a Paper index; smaller ones are read whole. */
const LARGE_TOPIC = 1_000;
const HAS_CODE = `p."codeUrl" IS NOT NULL`;
const IN_TOPIC = `EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = p."id" AND pt."topicId" = ?)`;
const IN_ANY_TOPIC = `EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = p."id" AND pt."topicId" IN (SELECT value FROM json_each(?)))`;

type Id = { id: number | bigint };
type Count = { n: number | bigint };

export async function listPapers(db: Db, query: ListingQuery): Promise<ListingPage> {
  const onlyOneTopic = query.topicId !== undefined && !query.topicIds && !query.paperIds;
  const { ids, total } = onlyOneTopic ? await pageOfTopic(db, query, query.topicId!) : await pageOfAll(db, query);
  return { papers: await papersInOrder(db, ids), total };
}

async function pageOfAll(
  db: Db,
  { order, since, firstSeen, topicId, topicIds, paperIds, hasCode, limit, offset, count = true }: ListingQuery,
): Promise<{ ids: number[]; total: number }> {
  const conditions: string[] = [];
  const args: unknown[] = [];
  if (topicId !== undefined) {
    conditions.push(IN_TOPIC);
    args.push(topicId);
  }
  if (topicIds) {
    conditions.push(IN_ANY_TOPIC);
    args.push(JSON.stringify(topicIds));
  }
  if (paperIds) {
    conditions.push(`p."id" IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(paperIds));
  }
  if (since) {
    conditions.push(`p."feedAt" >= ?`);
    args.push(since);
  }
  if (firstSeen) {
    conditions.push(`p."firstSeenAt" >= ? AND p."firstSeenAt" <= ?`);
    args.push(firstSeen.from, firstSeen.to);
  }
  if (hasCode) conditions.push(HAS_CODE);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  // A list of ids is read by primary key; walking an order index past every other paper would be slower.
  const index =
    firstSeen || paperIds
      ? ""
      : order === "trending" && !since
        ? `INDEXED BY "Paper_trendKey_idx"`
        : `INDEXED BY "Paper_feedAt_trendKey_idx"`;
  // The count rides along as an uncorrelated subquery (SQLite runs it once): one statement for the page and its total.
  const total = count ? `, (SELECT count(*) FROM "Paper" p ${where}) AS total` : "";
  const rows = await db.$queryRawUnsafe<(Id & { total?: number | bigint })[]>(
    `SELECT p."id" AS id${total} FROM "Paper" p ${index} ${where} ORDER BY ${ORDER_SQL[order]} LIMIT ? OFFSET ?`,
    ...(count ? args : []),
    ...args,
    limit,
    offset,
  );
  const ids = rows.map((r) => Number(r.id));
  if (!count) return { ids, total: -1 };
  if (rows[0]) return { ids, total: Number(rows[0].total) };
  // A page past the end has no row to carry the total.
  if (offset === 0) return { ids, total: 0 };
  const [counted] = await db.$queryRawUnsafe<Count[]>(`SELECT count(*) AS n FROM "Paper" p ${where}`, ...args);
  return { ids, total: Number(counted?.n ?? 0) };
}

async function pageOfTopic(
  db: Db,
  { order, since, hasCode, limit, offset }: ListingQuery,
  topicId: number,
): Promise<{ ids: number[]; total: number }> {
  const topic = await db.topic.findUnique({ where: { id: topicId }, select: { paperCount: true } });
  if (!topic) return { ids: [], total: 0 };
  if (topic.paperCount >= LARGE_TOPIC) {
    const index = order === "trending" && !since ? "Paper_trendKey_idx" : "Paper_feedAt_trendKey_idx";
    const where = `${since ? `p."feedAt" >= ? AND ` : ""}${hasCode ? `${HAS_CODE} AND ` : ""}${IN_TOPIC}`;
    const args: unknown[] = since ? [since, topicId] : [topicId];
    const rows = await db.$queryRawUnsafe<Id[]>(
      `SELECT p."id" AS id FROM "Paper" p INDEXED BY "${index}" WHERE ${where} ORDER BY ${ORDER_SQL[order]} LIMIT ? OFFSET ?`,
      ...args,
      limit,
      offset,
    );
    const total =
      since || hasCode
        ? Number(
            (
              await db.$queryRawUnsafe<Count[]>(
                `SELECT count(*) AS n FROM "Paper" p ${since ? `INDEXED BY "Paper_feedAt_trendKey_idx"` : ""} WHERE ${where}`,
                ...args,
              )
            )[0]?.n ?? 0,
          )
        : topic.paperCount;
    return { ids: rows.map((r) => Number(r.id)), total };
  }
  // The covering index answers without reading paper rows, unless the code filter needs them.
  const rows = await db.$queryRawUnsafe<{ id: number | bigint; trendKey: number; feedAt: Date | string }[]>(
    `SELECT p."id" AS id, p."trendKey" AS trendKey, p."feedAt" AS feedAt FROM "PaperTopic" pt
     JOIN "Paper" p ${hasCode ? "" : `INDEXED BY "Paper_search_cover_idx"`} ON p."id" = pt."paperId" WHERE pt."topicId" = ?${hasCode ? ` AND ${HAS_CODE}` : ""}`,
    topicId,
  );
  const inWindow = rows
    .map((r) => ({ id: Number(r.id), trendKey: r.trendKey, feedAt: new Date(r.feedAt).getTime() }))
    .filter((r) => !since || r.feedAt >= since.getTime());
  inWindow.sort(
    order === "trending"
      ? (a, b) => b.trendKey - a.trendKey || a.id - b.id
      : (a, b) => b.feedAt - a.feedAt || b.id - a.id,
  );
  return { ids: inWindow.slice(offset, offset + limit).map((r) => r.id), total: inWindow.length };
}

const ROW_COLUMNS = Object.keys(PAPER_ROW_SELECT)
  .map((c) => `"${c}"`)
  .join(", ");

/** The one paper loader: papers (with their topics, strongest first) in the order of `ids`, in one query. */
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
