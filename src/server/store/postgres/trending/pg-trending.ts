// The trending area on PostgreSQL: votes, views and clicks as conditional inserts (a primary key or a
// unique index decides, so concurrent requests through any instance count once), signals through
// pg-signals.ts, and the explanation query.
import { NO_SIGNAL_KEY, SIGNAL_WEIGHTS, trendKeyOf, type TrendEvent } from "@/domain/trending";
import { explainWith, RANK_LIMIT, type FactsRow } from "@/server/store/sqlite/trending/trending-explain";
import { utcDay } from "@/server/store/sqlite/trending/views";
import { voteStates } from "@/server/store/sqlite/trending/votes";
import { modelApi } from "@/server/store/postgres/model-api";
import type { TrendingStore } from "@/server/store/trending";
import { historiesOf } from "@/server/store/sqlite/trending/trend-history";
import { historyHorizon } from "@/domain/trend-history";
import type { PgDb, PgTx } from "@/server/store/postgres/pg-client";
import { pgTimestamp } from "@/server/store/postgres/sql-values";
import { recordClickOnceInTx, recordSignalsInTx, writeKeys } from "./pg-signals";

const DAY_MS = 86_400_000;
/** Writers on one paper queue on its row lock; a burst of votes must wait its turn, not fail. */
const WRITER_WAIT = { maxWait: 30_000, timeout: 30_000 };

/**
 * Locks the paper's row first: the Vote and PageView inserts take a key-share lock on it through their
 * foreign key, and two transactions each holding that and then asking FOR UPDATE would deadlock.
 */
async function lockPaper(tx: PgTx, paperId: number): Promise<{ votes: number } | null> {
  const [paper] = await tx.$queryRaw<
    { votes: number }[]
  >`SELECT "votes" FROM "Paper" WHERE "id" = ${paperId} FOR UPDATE`;
  return paper ?? null;
}

export function pgTrending(db: PgDb, halfLifeHours: number): TrendingStore {
  const votedPaperIds = async (visitorId: string | null, paperIds: readonly number[]) => {
    if (!visitorId || paperIds.length === 0) return new Set<number>();
    const rows = await db.vote.findMany({
      where: { visitorId, paperId: { in: [...paperIds] } },
      select: { paperId: true },
    });
    return new Set(rows.map((r) => r.paperId));
  };
  return {
    upvote: (paperId, visitorId, now) =>
      db.$transaction(async (tx) => {
        if (!(await lockPaper(tx, paperId))) return null;
        const inserted =
          await tx.$executeRaw`INSERT INTO "Vote" ("paperId", "visitorId", "createdAt") VALUES (${paperId}, ${visitorId}, ${now}) ON CONFLICT DO NOTHING`;
        if (inserted === 0)
          return {
            votes: (await tx.paper.findUniqueOrThrow({ where: { id: paperId }, select: { votes: true } })).votes,
            voted: true,
          };
        await recordSignalsInTx(
          tx,
          [{ paperId, kind: "upvote", at: now, weight: SIGNAL_WEIGHTS.upvote }],
          halfLifeHours,
        );
        const row = await tx.paper.update({
          where: { id: paperId },
          data: { votes: { increment: 1 } },
          select: { votes: true },
        });
        return { votes: row.votes, voted: true };
      }, WRITER_WAIT),
    removeVote: (paperId, visitorId, now) =>
      db.$transaction(async (tx) => {
        const paper = await lockPaper(tx, paperId);
        if (!paper) return null;
        // DELETE ... RETURNING: of two concurrent unvotes only one finds the row.
        const [vote] = await tx.$queryRaw<
          { createdAt: Date }[]
        >`DELETE FROM "Vote" WHERE "paperId" = ${paperId} AND "visitorId" = ${visitorId} RETURNING "createdAt"`;
        if (!vote) return { votes: paper.votes, voted: false };
        await recordSignalsInTx(
          tx,
          [{ paperId, kind: "unvote", at: now, anchorAt: new Date(vote.createdAt), weight: SIGNAL_WEIGHTS.unvote }],
          halfLifeHours,
        );
        const [row] = await tx.$queryRaw<
          { votes: number }[]
        >`UPDATE "Paper" SET "votes" = GREATEST("votes" - 1, 0) WHERE "id" = ${paperId} RETURNING "votes"`;
        return { votes: Number(row?.votes ?? 0), voted: false };
      }, WRITER_WAIT),
    async voteState(paperId, visitorId) {
      const paper = await db.paper.findUnique({ where: { id: paperId }, select: { votes: true } });
      if (!paper) return null;
      return {
        votes: paper.votes,
        voted: visitorId ? (await votedPaperIds(visitorId, [paperId])).has(paperId) : false,
      };
    },
    votedPaperIds,
    // Model API only: the SQLite engine's function serves both.
    voteStates: (visitorId, paperIds) => voteStates(modelApi(db), visitorId, paperIds),
    recordView: ({ paperId, visitorId, now }) =>
      db.$transaction(async (tx) => {
        if (!(await lockPaper(tx, paperId))) return "no_paper" as const;
        const inserted =
          await tx.$executeRaw`INSERT INTO "PageView" ("paperId", "visitorId", "day") VALUES (${paperId}, ${visitorId}, ${utcDay(now)}) ON CONFLICT DO NOTHING`;
        if (inserted === 0) return "already_counted" as const;
        await recordSignalsInTx(tx, [{ paperId, kind: "view", at: now, weight: SIGNAL_WEIGHTS.view }], halfLifeHours);
        return "counted" as const;
      }, WRITER_WAIT),
    recordSignals: (signals) =>
      db.$transaction((tx) => recordSignalsInTx(tx, signals, halfLifeHours), { timeout: 120_000, maxWait: 120_000 }),
    recordClickOnce: (paperId, source, now) =>
      db.$transaction(async (tx) => {
        const [paper] = await tx.$queryRaw<
          { slug: string }[]
        >`SELECT "slug" FROM "Paper" WHERE "id" = ${paperId} FOR UPDATE`;
        if (!paper) return null;
        await recordClickOnceInTx(
          tx,
          { paperId, kind: "click", at: now, weight: SIGNAL_WEIGHTS.click, source },
          halfLifeHours,
        );
        return paper.slug;
      }, WRITER_WAIT),
    explainTrending: (paperIds, now) =>
      explainWith((ids) => factsAndGroups(db, ids, now, halfLifeHours), paperIds, now, halfLifeHours),
    trendHistory: async (paperIds, now) => {
      const ids = [...new Set(paperIds)];
      const rows = await db.paperEvent.findMany({
        where: { paperId: { in: ids }, anchorAt: { gte: historyHorizon(now, halfLifeHours) }, at: { lte: now } },
        select: { paperId: true, at: true, anchorAt: true, weight: true },
      });
      return historiesOf(ids, rows, now, halfLifeHours);
    },
    async rebuildTrendKeys() {
      let afterId = 0;
      let written = 0;
      for (;;) {
        const papers = await db.paper.findMany({
          where: { id: { gt: afterId } },
          orderBy: { id: "asc" },
          take: 5_000,
          select: { id: true },
        });
        if (papers.length === 0) return written;
        const ids = papers.map((p) => p.id);
        afterId = ids.at(-1)!;
        const events = await db.paperEvent.findMany({
          where: { paperId: { in: ids } },
          select: { paperId: true, weight: true, anchorAt: true },
        });
        const byPaper = new Map<number, TrendEvent[]>(ids.map((id) => [id, []]));
        for (const e of events) byPaper.get(e.paperId)?.push(e);
        await db.$transaction((tx) =>
          writeKeys(
            tx,
            new Map(
              [...byPaper].map(([id, list]) => [
                id,
                list.length === 0 ? NO_SIGNAL_KEY : trendKeyOf(list, halfLifeHours),
              ]),
            ),
          ),
        );
        written += ids.length;
      }
    },
  };
}

/** The facts-and-groups rows of trending-explain.ts, in one statement. */
function factsAndGroups(db: PgDb, ids: number[], now: Date, halfLifeHours: number): Promise<FactsRow[]> {
  // One statement: the papers' facts (the capped rank count once per paper) left-joined to their event groups.
  return db.$queryRawUnsafe<FactsRow[]>(
    `WITH facts AS MATERIALIZED (
       SELECT p."id", p."trendKey", p."votes", p."feedAt", p."publishedAt",
         (SELECT count(*) FROM (SELECT 1 FROM "Paper" q WHERE q."trendKey" > p."trendKey" LIMIT ${RANK_LIMIT}) a) AS "above"
       FROM "Paper" p WHERE p."id" = ANY($1::int[])),
     groups AS (
       SELECT "paperId", "kind", "source",
         count(*) FILTER (WHERE "anchorAt" >= $2::timestamp(3)) AS "inDay", count(*) FILTER (WHERE "anchorAt" >= $3::timestamp(3)) AS "inWeek",
         count(*) AS "total", min("value") AS "best", max("value") AS "most",
         sum("weight" * power(2.0, extract(epoch FROM ("anchorAt" - $4::timestamp(3))) / 86400.0 * $5)) AS "contribution"
       FROM "PaperEvent" WHERE "paperId" = ANY($1::int[]) GROUP BY "paperId", "kind", "source")
     SELECT f.*, g."kind", g."source", g."inDay", g."inWeek", g."total", g."best", g."most", g."contribution"
     FROM facts f LEFT JOIN groups g ON g."paperId" = f."id"`,
    ids,
    pgTimestamp(new Date(now.getTime() - DAY_MS)),
    pgTimestamp(new Date(now.getTime() - 7 * DAY_MS)),
    pgTimestamp(now),
    24 / halfLifeHours,
  );
}
