// Full-text search on PostgreSQL: the generated "searchVector" column (title A, authors and topics C,
// abstract B, English stemming; migration 20261201000100_search_tsvector) and its GIN index. ts_rank with
// length normalisation stands in for SQLite's bm25; it is negated so the domain's blend
// (relevance-blend.ts, "negative, lower is better") ranks both engines the same way.
import { orderCandidates } from "@/domain/search/relevance-blend";
import type { QuerySlot } from "@/domain/search/query-plan";
import { isFiltered, type MatchQuery, type RankedPage } from "@/server/store/search";
import type { PgDb } from "@/server/store/postgres/pg-client";
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
  feedAt: Date;
}

/**
 * As on SQLite (rank-matches.ts there), a very common query (more than SELECTIVE_MATCHES estimated matches)
 * takes the bounded plan: its COMMON_CANDIDATES newest matches, found by walking the primary key backwards,
 * ranked among themselves. Ranking every match reads every matching paper's search vector out of TOAST:
 * 0.6 s for the 13,600 papers "language models" matches in 30k, against 0.13 s for the bounded plan, measured.
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
  let where = "";
  if (q.filter.since) where += ` AND p."feedAt" >= $${args.push(pgTimestamp(q.filter.since))}::timestamp(3)`;
  if (q.filter.topicId !== undefined)
    where += ` AND EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = p."id" AND pt."topicId" = $${args.push(q.filter.topicId)})`;
  if (q.filter.topicIds)
    where += ` AND EXISTS (SELECT 1 FROM "PaperTopic" pt WHERE pt."paperId" = p."id" AND pt."topicId" = ANY($${args.push([...q.filter.topicIds])}::int[]))`;
  if (q.filter.paperIds) where += ` AND p."id" = ANY($${args.push([...q.filter.paperIds])}::int[])`;
  if (q.filter.hasCode) where += ` AND p."codeUrl" IS NOT NULL`;
  const matches = `SELECT p."id", p."searchVector", p."titleVector", p."trendKey", p."feedAt" FROM "Paper" p WHERE p."searchVector" @@ to_tsquery('english', $1)${where}`;
  const rows = await db.$queryRawUnsafe<CandidateRow[]>(
    selective
      ? `SELECT p."id", ${RANK_SQL} AS rank, p."trendKey", p."feedAt"
         FROM "Paper" p, to_tsquery('english', $1) q WHERE p."searchVector" @@ q${where} ORDER BY rank DESC, p."id" LIMIT ${cap + 1}`
      : `SELECT p."id", ${RANK_SQL} AS rank, p."trendKey", p."feedAt"
         FROM (${matches} ORDER BY p."id" DESC LIMIT ${cap + 1}) p, to_tsquery('english', $1) q`,
    ...args,
  );
  const candidates = rows.slice(0, cap).map((r) => ({
    id: Number(r.id),
    bm25: -(Number(r.rank) ** RANK_COMPRESSION),
    trendKey: Number(r.trendKey),
    feedAt: new Date(r.feedAt),
  }));
  if (candidates.length === 0) return { ids: [], total: 0, totalIsLowerBound: false };
  const page = orderCandidates(candidates, q.order).slice(q.offset, q.offset + q.limit);
  if (rows.length <= cap) return { ids: page, total: candidates.length, totalIsLowerBound: false };
  // Counted through the GIN index: the planner prefers a sequential scan for a common word, which reads every
  // search vector out of TOAST to test it (1.26 s against 0.15 s for 10,000 matches in 30k papers, measured).
  const [, counted] = await db.$transaction([
    db.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`),
    db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM "Paper" p, to_tsquery('english', $1) q WHERE p."searchVector" @@ q${where} LIMIT ${COUNT_CAP}) m`,
      ...args,
    ),
  ]);
  const total = Number(counted[0]?.n ?? 0);
  return { ids: page, total, totalIsLowerBound: total >= COUNT_CAP };
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
