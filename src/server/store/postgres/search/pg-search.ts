// Full-text search on PostgreSQL: the generated "searchVector" column (title A, authors and topics C,
// abstract B, English stemming; migration 20261201000100_search_tsvector) and its GIN index. ts_rank with
// length normalisation stands in for SQLite's bm25; it is negated so the domain's blend
// (relevance-blend.ts, "negative, lower is better") ranks both engines the same way.
import type pg from "pg";
import { orderCandidates } from "@/domain/search/relevance-blend";
import type { QuerySlot } from "@/domain/search/query-plan";
import { isFiltered, type MatchFilter, type MatchQuery, type RankedPage } from "@/server/store/search";
import { poolOf, type PgDb } from "@/server/store/postgres/pg-client";
import { COMMON_CANDIDATES, SELECTIVE_MATCHES } from "@/server/store/sqlite/search/rank-matches";
import { pgTimestamp } from "@/server/store/postgres/sql-values";

/** ts_rank weights in {D, C, B, A} order: title 10× the abstract, authors and topics in between (as SQLite's bm25). */
const RANK_WEIGHTS = `'{0.1, 0.45, 0.1, 1.0}'`;
/** 1: divide by 1 + log(document length), so long abstracts do not win by repetition alone. */
const RANK_NORMALIZATION = 1;
/**
 * bm25 normalises each column by its own length, which lifts a match in a short title; one tsvector cannot.
 * So a title-only rank, divided by the title's length (normalisation 2), is added to the whole-paper rank.
 * The title's vector is stored (migration 20261201001500_title_vector), not computed per match at query time.
 */
const TITLE_BOOST = 2;
const RANK_SQL = `ts_rank(${RANK_WEIGHTS}, p."searchVector", q, ${RANK_NORMALIZATION}) + ${TITLE_BOOST} * ts_rank(p."titleVector", q, 2)`;
/**
 * ts_rank spreads matching papers far wider than bm25 does (a 0.70 ratio where bm25 gives 0.99 on the
 * sample), while the domain blend is tuned to bm25's scale; rank^RANK_COMPRESSION maps one onto the other.
 */
const RANK_COMPRESSION = 0.1;
const BLEND_CANDIDATES = 300;
const FILTERED_CANDIDATES = 5_000;
const COUNT_CAP = 10_000;

/**
 * A tsquery text for the planned query. Words are letters and digits only (the sanitiser made sure), so
 * nothing typed is read as tsquery syntax; phrases are <-> chains, prefixes :*, weights an optional filter.
 */
export function tsQueryText(slots: readonly QuerySlot[], mode: "all" | "any", weights = ""): string {
  const slotTexts = slots.map((slot) => {
    const alternatives = slot.alternatives.map((alt) => {
      const words = alt.words.map(
        (word, i) =>
          `${word}${alt.prefix && i === alt.words.length - 1 ? ":*" : ""}${weights ? (alt.prefix && i === alt.words.length - 1 ? weights : `:${weights}`) : ""}`,
      );
      return words.length === 1 ? words[0]! : `(${words.join(" <-> ")})`;
    });
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" | ")})`;
  });
  return slotTexts.join(mode === "all" ? " & " : " | ");
}

interface CandidateRow {
  id: number;
  rank: number;
  trendKey: number;
  feedMs: number;
  /** Matches counted up to COUNT_CAP, when the statement counted them (null otherwise). */
  total: number | null;
}

/** The filter as SQL conditions on the papers aliased `p`, its values appended to `args`. */
function filterSql(filter: MatchFilter, args: unknown[], p = "p"): string {
  let where = "";
  if (filter.since) where += ` AND ${p}."feedAt" >= $${args.push(pgTimestamp(filter.since))}::timestamp(3)`;
  if (filter.topicId !== undefined)
    where += ` AND EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = ${p}."id" AND pt."topicId" = $${args.push(filter.topicId)})`;
  if (filter.topicIds)
    where += ` AND EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = ${p}."id" AND pt."topicId" = ANY($${args.push([...filter.topicIds])}::int[]))`;
  if (filter.paperIds) where += ` AND ${p}."id" = ANY($${args.push([...filter.paperIds])}::int[])`;
  if (filter.hasCode) where += ` AND ${p}."codeUrl" IS NOT NULL`;
  return where;
}

/** feedAt as epoch milliseconds: node-postgres would read a zoneless timestamp in local time. */
const FEED_MS = `(extract(epoch FROM p."feedAt") * 1000)::float8 AS "feedMs"`;

/**
 * Below this many estimated matches, a common query's unfiltered total is counted in the same pass that finds
 * its newest candidates. Both read every match's row (one per page, migration 20261202003000); counting
 * apart read up to COUNT_CAP of them again: 24 + 40 ms of server CPU for the 10,734 matches of
 * "(transformer | transfomer) & memory" in 100k papers, 41 ms in one pass; 33 + 55 against 63 ms for
 * "lora finetunig", measured. Above it (44,000 matches of "language models": 33 + 16 against 109 ms) the
 * capped count reads fewer rows than one pass over every match.
 */
export const ONE_PASS_MATCHES = 30_000;

/**
 * One statement per search, on the store's node-postgres pool (a raw query through Prisma costs ~0.7 ms more
 * CPU, measured in pg-client.ts), with the total in the same statement:
 * - a selective query ranks every match anyway, so a window count over them is free;
 * - a very common one (more than SELECTIVE_MATCHES estimated matches) takes the bounded plan, as on SQLite
 *   (rank-matches.ts there): its COMMON_CANDIDATES newest matches, ranked among themselves. Ranking every
 *   match reads every matching paper's search vector: 0.6 s for the 13,600 papers "language models" matches
 *   in 30k, against 0.13 s for the bounded plan, measured. Its total, unfiltered, is counted in the same
 *   pass below ONE_PASS_MATCHES and through the GIN index above (paper_matches_up_to, migration
 *   20261202003000); filtered, the candidates are a lower bound, as on SQLite.
 */
export async function rankMatches(db: PgDb, q: MatchQuery): Promise<RankedPage> {
  const filtered = isFiltered(q.filter);
  const selective = q.estimatedMatches <= SELECTIVE_MATCHES;
  const cap = !selective
    ? COMMON_CANDIDATES
    : q.order === "relevance" && !filtered
      ? BLEND_CANDIDATES
      : FILTERED_CANDIDATES;
  const args: unknown[] = [tsQueryText(q.slots, q.mode)];
  const text = selective
    ? // OFFSET 0 keeps the ranking below the window: otherwise every match's vectors are buffered for the count.
      `SELECT p."id", p.rank, p."trendKey", ${FEED_MS}, least(count(*) OVER (), ${COUNT_CAP})::int AS total
       FROM (SELECT p."id", ${RANK_SQL} AS rank, p."trendKey", p."feedAt"
             FROM "Paper" p, to_tsquery('english', $1) q WHERE p."searchVector" @@ q${filterSql(q.filter, args)} OFFSET 0) p
       ORDER BY p.rank DESC, p."id" LIMIT ${cap + 1}`
    : !filtered && q.estimatedMatches <= ONE_PASS_MATCHES
      ? countedNewestSql(cap)
      : newestSql(
          cap,
          filtered ? "NULL" : `(SELECT paper_matches_up_to(to_tsquery('english', $1), ${COUNT_CAP}))`,
          filterSql(q.filter, args, "p"),
          !q.filter.topicId && !q.filter.topicIds && !q.filter.paperIds,
        );
  const rows = await withoutParallelWorkers(db, (client) => client.query<CandidateRow>(text, args));
  const candidates = rows.slice(0, cap).map((r) => ({
    id: r.id,
    bm25: -(r.rank ** RANK_COMPRESSION),
    trendKey: r.trendKey,
    feedAt: new Date(r.feedMs),
  }));
  if (candidates.length === 0) return { ids: [], total: 0, totalIsLowerBound: false };
  const page = orderCandidates(candidates, q.order).slice(q.offset, q.offset + q.limit);
  if (rows.length <= cap) return { ids: page, total: candidates.length, totalIsLowerBound: false };
  const total = rows[0]!.total ?? candidates.length;
  return { ids: page, total, totalIsLowerBound: rows[0]!.total === null || total >= COUNT_CAP };
}

/**
 * A common query's newest candidates with the count of every match, in one pass. The ids are picked and
 * counted alone (OFFSET 0 keeps the planner from walking the primary key backwards through every match for
 * the window), then joined back for ranking: sorting the matches with their vectors cost more than
 * fetching the few candidates again (53 against 35 ms of server CPU for "linear attention", measured).
 */
function countedNewestSql(cap: number): string {
  return `SELECT p."id", ${RANK_SQL} AS rank, p."trendKey", ${FEED_MS}, least(c.total, ${COUNT_CAP})::int AS total
     FROM to_tsquery('english', $1) q,
          LATERAL (SELECT m."id", m.total FROM (SELECT c."id", count(*) OVER () AS total FROM "Paper" c
                                                WHERE c."searchVector" @@ q OFFSET 0) m
                   ORDER BY m."id" DESC LIMIT ${cap + 1}) c
          JOIN "Paper" p ON p."id" = c."id"
     ORDER BY p."id" DESC`;
}

/**
 * A common query's newest candidates. Found by walking the primary key backwards (the very common words) or
 * among a window's few matches, they are ranked on the rows the scan found (`onScannedRows`): joining the ids
 * back to the papers read each candidate's page again (12 against 7 ms of server CPU for "training", 18
 * against 12 for "linear attention" within a week, measured). Found through a topic's or a list's papers,
 * they are joined back: the planner caches each paper it looks up there, and caching whole rows with their
 * vectors cost more than the second read.
 */
function newestSql(cap: number, total: string, where: string, onScannedRows: boolean): string {
  const columns = onScannedRows ? `p."id", p."searchVector", p."titleVector", p."trendKey", p."feedAt"` : `p."id"`;
  const newest = `SELECT ${columns} FROM "Paper" p WHERE p."searchVector" @@ q${where} ORDER BY p."id" DESC LIMIT ${cap + 1}`;
  return `SELECT p."id", ${RANK_SQL} AS rank, p."trendKey", ${FEED_MS}, ${total} AS total
     FROM to_tsquery('english', $1) q,
          ${onScannedRows ? `LATERAL (${newest}) p` : `LATERAL (${newest}) c JOIN "Paper" p ON p."id" = c."id"`}
     ORDER BY p."id" DESC`;
}

/**
 * Runs a search statement with parallel query off. PostgreSQL plans parallel workers for some searches (a topic
 * filter's paper list, the candidates of a very common word); starting them cost more CPU than they save: the
 * server's CPU for "memory" within a topic went from 46–78 ms to 10–18 ms without them (100k papers, measured),
 * and a server answering several searches at once has no idle core to give them. SET LOCAL ends with the
 * transaction, so the pool's other users keep the server's setting.
 */
async function withoutParallelWorkers<T extends pg.QueryResultRow>(
  db: PgDb,
  run: (client: pg.PoolClient) => Promise<pg.QueryResult<T>>,
): Promise<T[]> {
  const client = await poolOf(db).connect();
  try {
    await client.query("BEGIN READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0");
    const { rows } = await run(client);
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Ids of papers whose title or abstract contains any of the phrases (for tagging a new topic). */
export async function papersMentioning(db: PgDb, phrases: readonly string[][]): Promise<number[]> {
  const usable = phrases.filter((p) => p.length > 0);
  if (usable.length === 0) return [];
  const query = tsQueryText(
    usable.map((words) => ({ alternatives: [{ words, prefix: false }] })),
    "any",
    "AB",
  );
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT "id" FROM "Paper" WHERE "searchVector" @@ to_tsquery('english', $1)`,
    query,
  );
  return rows.map((r) => Number(r.id));
}
