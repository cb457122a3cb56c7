// The one module that speaks SQLite FTS5 (table "PaperSearch", created and kept in sync by triggers in
// the 20261126000100_search_fts migration). A PostgreSQL backend would replace this file only.
// Paper rows are wide (whole abstracts), so nothing here reads them: FTS5 answers ids and bm25, the
// covering index "Paper_search_cover_idx" answers trendKey and feedAt.
import type { QuerySlot } from "@/domain/search/query-plan";
import type { MatchFilter } from "@/server/store/search";
import type { Db } from "@/server/store/sqlite/prisma-client";

/** bm25 column weights, in the table's column order: title, abstract, authors, topics. */
export const BM25_WEIGHTS = { title: 10, abstract: 1, authors: 5, topics: 4 } as const;
const BM25 = `bm25("PaperSearch", ${BM25_WEIGHTS.title}, ${BM25_WEIGHTS.abstract}, ${BM25_WEIGHTS.authors}, ${BM25_WEIGHTS.topics})`;

export interface Candidate {
  id: number;
  /** SQLite bm25: negative, lower is a better match. */
  bm25: number;
  trendKey: number;
  feedAt: Date;
}

/**
 * An FTS5 expression for the planned query. Words are letters and digits only (the sanitiser made
 * sure), each one quoted, so nothing typed can be read as FTS5 syntax.
 */
export function matchExpression(
  slots: readonly QuerySlot[],
  mode: "all" | "any",
  columns?: readonly ("titleText" | "abstractText")[],
): string {
  const slotExpressions = slots.map((slot) => {
    const alternatives = slot.alternatives.map((alt) => `"${alt.words.join(" ")}"${alt.prefix ? " *" : ""}`);
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" OR ")})`;
  });
  const expression = slotExpressions.join(mode === "all" ? " AND " : " OR ");
  return columns ? `{${columns.join(" ")}} : (${expression})` : expression;
}

const toNumber = (value: number | bigint) => Number(value);

/** Number of matches, counting no further than `cap` (FTS5 streams rowids, so this stays cheap). */
export async function countMatchesUpTo(db: Db, match: string, cap: number): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS n FROM (SELECT rowid FROM "PaperSearch" WHERE "PaperSearch" MATCH ? LIMIT ?)`,
    match,
    cap,
  );
  return toNumber(rows[0]?.n ?? 0);
}

interface CandidateRow {
  id: number | bigint;
  bm25: number;
  trendKey: number;
  feedAt: Date | string;
}

async function candidates(
  db: Db,
  match: string,
  filter: MatchFilter,
  order: string,
  cap: number,
): Promise<Candidate[]> {
  const args: unknown[] = [match];
  let where = "";
  if (filter.since) {
    where += ` AND p."feedAt" >= ?`;
    args.push(filter.since);
  }
  if (filter.topicId !== undefined) {
    where += ` AND EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = s.rowid AND pt."topicId" = ?)`;
    args.push(filter.topicId);
  }
  if (filter.topicIds) {
    where += ` AND EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = s.rowid AND pt."topicId" IN (SELECT value FROM json_each(?)))`;
    args.push(JSON.stringify(filter.topicIds));
  }
  if (filter.paperIds) {
    where += ` AND s.rowid IN (SELECT value FROM json_each(?))`;
    args.push(JSON.stringify(filter.paperIds));
  }
  if (filter.hasCode) where += ` AND p."codeUrl" IS NOT NULL`;
  const rows = await db.$queryRawUnsafe<CandidateRow[]>(
    `SELECT s.rowid AS id, ${BM25} AS bm25, p."trendKey" AS trendKey, p."feedAt" AS feedAt
     FROM "PaperSearch" s JOIN "Paper" p INDEXED BY "Paper_search_cover_idx" ON p."id" = s.rowid
     WHERE "PaperSearch" MATCH ?${where} ORDER BY ${order} LIMIT ?`,
    ...args,
    cap,
  );
  return rows.map((r) => ({ id: toNumber(r.id), bm25: r.bm25, trendKey: r.trendKey, feedAt: new Date(r.feedAt) }));
}

/** The `cap` best matches by bm25. FTS5 scores every match, so callers keep this for selective queries. */
export function bestMatches(db: Db, match: string, filter: MatchFilter, cap: number): Promise<Candidate[]> {
  return candidates(db, match, filter, "bm25", cap);
}

/**
 * The `cap` most recently added matches (rowid order, which FTS5 streams and stops early), each with
 * its bm25: the bounded plan for very common words, where scoring every match would be too slow.
 */
export function recentMatches(db: Db, match: string, filter: MatchFilter, cap: number): Promise<Candidate[]> {
  return candidates(db, match, filter, "s.rowid DESC", cap);
}

/** Ids of papers whose title or abstract contains any of the phrases (for tagging a new topic). */
export async function papersMentioning(db: Db, phrases: readonly string[][]): Promise<number[]> {
  const usable = phrases.filter((p) => p.length > 0);
  if (usable.length === 0) return [];
  const match = matchExpression(
    usable.map((words) => ({ alternatives: [{ words, prefix: false }] })),
    "any",
    ["titleText", "abstractText"],
  );
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT rowid AS id FROM "PaperSearch" WHERE "PaperSearch" MATCH ?`,
    match,
  );
  return rows.map((r) => toNumber(r.id));
}
