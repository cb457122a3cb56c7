// The listing (store/listing.ts) and the one paper loader on PostgreSQL, in the documented orders:
// trending = "trendKey" DESC, "id" ASC; new = "feedAt" DESC, "id" DESC. The planner picks the indexes.
// Statements go straight to the node-postgres pool (pg-client.ts poolOf): int4 and float8 come back as numbers.
import type { Paper, TopicRef } from "@/domain/paper";
import type { ListingPage, ListingQuery } from "@/server/store/listing";
import { toPaper, type PaperRow } from "@/server/store/sqlite/papers/paper-rows";
import { poolOf, type PgDb } from "@/server/store/postgres/pg-client";
import { fromPgTimestamp, pgTimestamp } from "@/server/store/postgres/sql-values";

const ORDER_SQL = { trending: `p."trendKey" DESC, p."id" ASC`, new: `p."feedAt" DESC, p."id" DESC` } as const;

export async function listPapers(db: PgDb, query: ListingQuery): Promise<ListingPage> {
  const { order, since, firstSeen, topicId, topicIds, paperIds, hasCode, limit, offset, count = true } = query;
  const conditions: string[] = [];
  const args: unknown[] = [];
  const arg = (value: unknown) => (args.push(value), `$${args.length}`);
  if (since) conditions.push(`p."feedAt" >= ${arg(pgTimestamp(since))}::timestamp(3)`);
  if (firstSeen)
    conditions.push(
      `p."firstSeenAt" BETWEEN ${arg(pgTimestamp(firstSeen.from))}::timestamp(3) AND ${arg(pgTimestamp(firstSeen.to))}::timestamp(3)`,
    );
  if (topicId !== undefined)
    conditions.push(
      `EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = p."id" AND pt."topicId" = ${arg(topicId)})`,
    );
  if (topicIds)
    conditions.push(
      `EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = p."id" AND pt."topicId" = ANY(${arg([...topicIds])}::int[]))`,
    );
  if (paperIds) conditions.push(`p."id" = ANY(${arg([...paperIds])}::int[])`);
  if (hasCode) conditions.push(`p."codeUrl" IS NOT NULL`);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  // The count rides along as an uncorrelated subquery (an InitPlan, run once): one statement for the page and its total.
  const total = count ? `, (SELECT count(*)::int FROM "Paper" p ${where}) AS total` : "";
  const { rows } = await poolOf(db).query<{ id: number; total?: number }>(
    `SELECT p."id"${total} FROM "Paper" p ${where} ORDER BY ${ORDER_SQL[order]} LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
    args,
  );
  const papers = await papersInOrder(
    db,
    rows.map((r) => r.id),
  );
  if (!count) return { papers, total: -1 };
  if (rows[0] || offset === 0) return { papers, total: Number(rows[0]?.total ?? 0) };
  // A page past the end has no row to carry the total.
  const { rows: counted } = await poolOf(db).query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Paper" p ${where}`,
    args,
  );
  return { papers, total: counted[0]?.n ?? 0 };
}

const ROW_COLUMNS = [
  "id",
  "slug",
  "titleText",
  "abstractText",
  "authors",
  "arxivId",
  "sourceUrl",
  "pdfUrl",
  "doi",
  "primaryCategory",
  "categories",
  "comment",
  "codeUrl",
  "sourceName",
  "sourceRank",
  "votes",
  "trendKey",
]
  .map((c) => `p."${c}"`)
  .join(", ");

/**
 * The one paper loader: papers (with their topics, strongest first) in the order of `ids`, in one query on the
 * pool (every search and feed page ends here; through Prisma the same statement cost ~1.5 ms more CPU per
 * page of 20, measured). Timestamps come back as text (node-postgres would read a zoneless one in local time).
 */
export async function papersInOrder(db: PgDb, ids: readonly number[]): Promise<Paper[]> {
  if (ids.length === 0) return [];
  type Row = Omit<PaperRow, "publishedAt" | "firstSeenAt" | "feedAt"> &
    Record<"publishedAt" | "firstSeenAt" | "feedAt", string | null> & { topics: TopicRef[] };
  const { rows } = await poolOf(db).query<Row>(
    `SELECT ${ROW_COLUMNS}, p."publishedAt"::text AS "publishedAt", p."firstSeenAt"::text AS "firstSeenAt", p."feedAt"::text AS "feedAt",
       (SELECT coalesce(json_agg(json_build_object('slug', t."slug", 'label', t."label") ORDER BY pt."weight" DESC, t."id"), '[]'::json)
        FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId" WHERE pt."paperId" = p."id") AS topics
     FROM "Paper" p WHERE p."id" = ANY($1::int[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { topics, ...rest } = row;
    const paperRow: PaperRow = {
      ...rest,
      publishedAt: fromPgTimestamp(row.publishedAt),
      firstSeenAt: fromPgTimestamp(row.firstSeenAt)!,
      feedAt: fromPgTimestamp(row.feedAt)!,
    };
    return [toPaper(paperRow, topics)];
  });
}
