// The one module that speaks SQLite FTS5 (table "PaperSearch", created and kept in sync by triggers in
// the 20261126000100_search_fts migration). A PostgreSQL backend would replace this file only.
// Paper rows are wide (whole abstracts), so nothing here reads them: FTS5 answers ids and bm25, the
// covering index "Paper_search_cover_idx" answers trendKey and feedAt. The hot statements run on the
// direct connection, prepared once: Prisma's per-statement cost is a good part of a rare word's search.
import type { QuerySlot } from "@/domain/search/query-plan";
import type { MatchFilter } from "@/server/store/search";
import { storedDateTime } from "@/server/store/sqlite/date-encoding";
import { sqliteOf } from "@/server/store/sqlite/direct-connection";
import type { Db } from "@/server/store/sqlite/prisma-client";
import type { ScoredMatch } from "./scored-match";
import { statement } from "./statements";
import { windowFloor } from "./window-floor";

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
export function countMatchesUpTo(db: Db, match: string, cap: number): number {
  const row = statement(
    sqliteOf(db),
    `SELECT count(*) AS n FROM (SELECT rowid FROM "PaperSearch" WHERE "PaperSearch" MATCH ? LIMIT ?)`,
  ).get(match, cap) as { n: number } | undefined;
  return row?.n ?? 0;
}

interface CandidateRow {
  id: number;
  bm25: number;
  trendKey: number;
  feedAt: string;
}

const toCandidate = (r: CandidateRow): Candidate => ({ ...r, feedAt: new Date(r.feedAt) });

/** Beyond this many matches, an expression with unscored slots is scored whole after all. */
const MAX_UNSCORED_MATCHES = 20_000;

/** SQL conditions on the joined paper `p` and the FTS row `s` for a filter, with their arguments. */
function filterConditions(db: Db, filter: MatchFilter): { where: string; args: unknown[] } {
  const args: unknown[] = [];
  let where = "";
  if (filter.since) {
    const since = storedDateTime(filter.since);
    const floor = windowFloor(sqliteOf(db), filter.since, since);
    // Bound as an integer: FTS5 ignores a rowid constraint whose value is a float (a JS number).
    if (floor !== null) {
      where += ` AND s.rowid >= ?`;
      args.push(BigInt(floor));
    }
    where += ` AND p."feedAt" >= ?`;
    args.push(since);
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
  return { where, args };
}

const FROM = `FROM "PaperSearch" s JOIN "Paper" p INDEXED BY "Paper_search_cover_idx" ON p."id" = s.rowid`;

function candidates(db: Db, m: ScoredMatch, filter: MatchFilter, order: "bm25" | "recent", cap: number): Candidate[] {
  const sqlite = sqliteOf(db);
  const { where, args } = filterConditions(db, filter);
  if (!m.scored) {
    const rows = statement(
      sqlite,
      `SELECT s.rowid AS id, ${BM25} AS bm25, p."trendKey" AS trendKey, p."feedAt" AS feedAt
       ${FROM} WHERE "PaperSearch" MATCH ?${where} ORDER BY ${order === "bm25" ? "bm25" : "s.rowid DESC"} LIMIT ?`,
    ).all(m.match, ...args, cap) as CandidateRow[];
    return rows.map(toCandidate);
  }
  // The matches first, unscored, then bm25 of the scored slots over the matches' id range: no doclist
  // of an unscored slot is read whole.
  const limit = order === "recent" ? cap : MAX_UNSCORED_MATCHES + 1;
  const matches = statement(
    sqlite,
    `SELECT s.rowid AS id, p."trendKey" AS trendKey, p."feedAt" AS feedAt
     ${FROM} WHERE "PaperSearch" MATCH ?${where} ORDER BY s.rowid DESC LIMIT ?`,
  ).all(m.match, ...args, limit) as Omit<CandidateRow, "bm25">[];
  if (matches.length > MAX_UNSCORED_MATCHES) return candidates(db, { match: m.match }, filter, order, cap);
  if (matches.length === 0) return [];
  const scores = statement(
    sqlite,
    `SELECT rowid AS id, ${BM25} AS bm25 FROM "PaperSearch" WHERE "PaperSearch" MATCH ? AND rowid BETWEEN ? AND ?`,
  ).all(m.scored, BigInt(matches.at(-1)!.id), BigInt(matches[0]!.id)) as { id: number; bm25: number }[];
  const bm25 = new Map(scores.map((r) => [r.id, r.bm25]));
  const found = matches.map((r) => toCandidate({ ...r, bm25: bm25.get(r.id) ?? 0 }));
  return order === "bm25" ? found.sort((a, b) => a.bm25 - b.bm25).slice(0, cap) : found;
}

/** The `cap` best matches by bm25. FTS5 scores every match, so callers keep this for selective queries. */
export function bestMatches(db: Db, match: ScoredMatch, filter: MatchFilter, cap: number): Candidate[] {
  return candidates(db, match, filter, "bm25", cap);
}

/**
 * The `cap` most recently added matches (rowid order, which FTS5 streams and stops early), each with
 * its bm25: the bounded plan for very common words, where scoring every match would be too slow.
 */
export function recentMatches(db: Db, match: ScoredMatch, filter: MatchFilter, cap: number): Candidate[] {
  return candidates(db, match, filter, "recent", cap);
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
