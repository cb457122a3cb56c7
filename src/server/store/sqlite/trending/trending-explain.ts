// Explains given papers' trending place: score, overall rank and plain-words reasons, from one grouped
// statement over the papers and their events. SQLite-specific: pow() and julianday().
import { trendReasons, type TrendFacts } from "@/domain/trend-reasons";
import { NO_SIGNAL_KEY, scoreFromKey } from "@/domain/trending";
import type { TrendingExplanation } from "@/server/store/trending";
import type { Db } from "@/server/store/sqlite/prisma-client";

/** Counting papers above a low-ranked one costs O(rank); past this the card just omits the rank. */
export const RANK_LIMIT = 1000;
const DAY_MS = 86_400_000;

interface EventGroup {
  paperId: number;
  kind: string;
  source: string | null;
  inDay: number;
  inWeek: number;
  total: number;
  best: number | null;
  most: number | null;
  contribution: number;
}

interface PaperFacts {
  id: number;
  trendKey: number;
  votes: number;
  feedAt: Date;
  publishedAt: Date | null;
  above: number;
}

/** One row per paper and event group (a paper without events has one row with null group columns). */
export type FactsRow = Record<string, unknown>;

/**
 * The papers' facts and their event groups in one statement (a feed page's explanations cost one query).
 * The paper facts are materialised first, so the capped rank count runs once per paper, not once per group.
 */
async function factsAndGroups(db: Db, ids: number[], now: Date, halfLifeHours: number): Promise<FactsRow[]> {
  return db.$queryRawUnsafe<FactsRow[]>(
    `WITH ids AS (SELECT value AS id FROM json_each(?)),
     facts AS MATERIALIZED (
       SELECT p."id", p."trendKey", p."votes", p."feedAt", p."publishedAt",
         (SELECT COUNT(*) FROM (SELECT 1 FROM "Paper" q WHERE q."trendKey" > p."trendKey" LIMIT ${RANK_LIMIT})) AS "above"
       FROM "Paper" p WHERE p."id" IN (SELECT id FROM ids)),
     groups AS (
       SELECT "paperId", "kind", "source",
         SUM(CASE WHEN "anchorAt" >= ? THEN 1 ELSE 0 END) AS "inDay",
         SUM(CASE WHEN "anchorAt" >= ? THEN 1 ELSE 0 END) AS "inWeek",
         COUNT(*) AS "total", MIN("value") AS "best", MAX("value") AS "most",
         SUM("weight" * pow(2.0, (julianday("anchorAt") - julianday(?)) * ?)) AS "contribution"
       FROM "PaperEvent" WHERE "paperId" IN (SELECT id FROM ids)
       GROUP BY "paperId", "kind", "source")
     SELECT f.*, g."kind", g."source", g."inDay", g."inWeek", g."total", g."best", g."most", g."contribution"
     FROM facts f LEFT JOIN groups g ON g."paperId" = f."id"`,
    JSON.stringify(ids),
    new Date(now.getTime() - DAY_MS),
    new Date(now.getTime() - 7 * DAY_MS),
    now,
    24 / halfLifeHours,
  );
}

function paperFactsOf(r: FactsRow): PaperFacts {
  return {
    id: Number(r.id),
    trendKey: Number(r.trendKey),
    votes: Number(r.votes),
    above: Number(r.above),
    feedAt: new Date(r.feedAt as Date),
    publishedAt: r.publishedAt == null ? null : new Date(r.publishedAt as Date),
  };
}

/** The event group of a row, or null for a paper without events. */
function eventGroupOf(r: FactsRow, paperId: number): EventGroup | null {
  if (r.kind == null) return null;
  return {
    paperId,
    kind: String(r.kind),
    source: r.source == null ? null : String(r.source),
    inDay: Number(r.inDay),
    inWeek: Number(r.inWeek),
    total: Number(r.total),
    best: r.best == null ? null : Number(r.best),
    most: r.most == null ? null : Number(r.most),
    contribution: Number(r.contribution),
  };
}

/** Groups facts-and-groups rows by paper. */
function papersWithGroups(rows: readonly FactsRow[]): { paper: PaperFacts; groups: EventGroup[] }[] {
  const byPaper = new Map<number, { paper: PaperFacts; groups: EventGroup[] }>();
  for (const row of rows) {
    const id = Number(row.id);
    let entry = byPaper.get(id);
    if (!entry) byPaper.set(id, (entry = { paper: paperFactsOf(row), groups: [] }));
    const group = eventGroupOf(row, id);
    if (group) entry.groups.push(group);
  }
  return [...byPaper.values()];
}

/** Folds one paper's event groups into the facts the reasons are written from. */
export function factsFromGroups(paper: PaperFacts, groups: readonly EventGroup[], score: number): TrendFacts {
  const sum = (kind: string, pick: (g: EventGroup) => number) =>
    groups.filter((g) => g.kind === kind).reduce((total, g) => total + pick(g), 0);
  const positive = (value: number) => (value > 1e-12 ? value : 0);
  const bestOf = (kind: string, pick: (g: EventGroup) => number | null, better: (a: number, b: number) => boolean) =>
    groups
      .filter((g) => g.kind === kind && pick(g) !== null)
      .reduce<EventGroup | null>((top, g) => (top === null || better(pick(g)!, pick(top)!) ? g : top), null);
  const rank = bestOf(
    "source_rank",
    (g) => g.best,
    (a, b) => a < b,
  );
  const imported = bestOf(
    "hf_upvotes",
    (g) => g.most,
    (a, b) => a > b,
  );
  return {
    score,
    votes: {
      // An unvote is anchored at its upvote's time, so it leaves the window that upvote was counted in.
      today: Math.max(0, sum("upvote", (g) => g.inDay) - sum("unvote", (g) => g.inDay)),
      week: Math.max(0, sum("upvote", (g) => g.inWeek) - sum("unvote", (g) => g.inWeek)),
      total: paper.votes,
      contribution: positive(sum("upvote", (g) => g.contribution) + sum("unvote", (g) => g.contribution)),
    },
    views: {
      today: sum("view", (g) => g.inDay),
      week: sum("view", (g) => g.inWeek),
      contribution: positive(sum("view", (g) => g.contribution)),
    },
    clicks: { week: sum("click", (g) => g.inWeek), contribution: positive(sum("click", (g) => g.contribution)) },
    sourceRank: rank && {
      best: rank.best!,
      source: rank.source,
      contribution: positive(sum("source_rank", (g) => g.contribution)),
    },
    importedUpvotes: imported && {
      count: imported.most!,
      source: imported.source,
      contribution: positive(sum("hf_upvotes", (g) => g.contribution)),
    },
    feedAt: paper.feedAt,
    published: paper.publishedAt !== null,
  };
}

/**
 * Score, rank and reasons for each existing paper among `paperIds` (missing ids are left out), from one
 * facts-and-groups query. Shared with the PostgreSQL engine, whose query returns the same columns.
 */
export async function explainWith(
  readRows: (ids: number[]) => Promise<FactsRow[]>,
  paperIds: number[],
  now: Date,
  halfLifeHours: number,
): Promise<Map<number, TrendingExplanation>> {
  const ids = [...new Set(paperIds)];
  const result = new Map<number, TrendingExplanation>();
  if (ids.length === 0) return result;
  for (const { paper, groups } of papersWithGroups(await readRows(ids))) {
    const score = scoreFromKey(paper.trendKey, now, halfLifeHours);
    const facts = factsFromGroups(paper, groups, score);
    const hasRank = paper.trendKey > NO_SIGNAL_KEY && paper.above < RANK_LIMIT;
    result.set(paper.id, { score, ...(hasRank ? { rank: paper.above + 1 } : {}), reasons: trendReasons(facts, now) });
  }
  return result;
}

export function explainTrending(
  db: Db,
  paperIds: number[],
  now: Date,
  halfLifeHours: number,
): Promise<Map<number, TrendingExplanation>> {
  return explainWith((ids) => factsAndGroups(db, ids, now, halfLifeHours), paperIds, now, halfLifeHours);
}
