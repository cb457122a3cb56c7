// Reader upvotes: one Vote row per (paper, visitor), a votes counter on Paper, and upvote/unvote events
// for the trending key. Both directions are idempotent: repeating them changes nothing.
import { SIGNAL_WEIGHTS } from "@/domain/trending";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { retryWhenBusy } from "@/server/store/sqlite/busy-policy";
import { recordSignalsInTx, type Tx } from "./signals";

import type { VoteState } from "@/server/store/trending";

async function currentVotes(tx: Tx, paperId: number): Promise<number | null> {
  const paper = await tx.paper.findUnique({ where: { id: paperId }, select: { votes: true } });
  return paper?.votes ?? null;
}

/** Adds the visitor's upvote; null when the paper does not exist. */
export async function upvote(
  db: Db,
  paperId: number,
  visitorId: string,
  now: Date,
  halfLifeHours: number,
): Promise<VoteState | null> {
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const before = await currentVotes(tx, paperId);
      if (before === null) return null;
      // ON CONFLICT keeps the first vote: a repeated or concurrent second vote inserts nothing.
      const inserted = await tx.$executeRaw`
      INSERT INTO "Vote" ("paperId", "visitorId", "createdAt") VALUES (${paperId}, ${visitorId}, ${now}) ON CONFLICT DO NOTHING`;
      if (inserted === 0) return { votes: before, voted: true };
      const [row] = await tx.$queryRaw<{ votes: number }[]>`
      UPDATE "Paper" SET "votes" = "votes" + 1 WHERE "id" = ${paperId} RETURNING "votes"`;
      await recordSignalsInTx(tx, [{ paperId, kind: "upvote", at: now, weight: SIGNAL_WEIGHTS.upvote }], halfLifeHours);
      return { votes: Number(row?.votes ?? before + 1), voted: true };
    }),
  );
}

/** Removes the visitor's upvote, cancelling its event exactly; null when the paper does not exist. */
export async function removeVote(
  db: Db,
  paperId: number,
  visitorId: string,
  now: Date,
  halfLifeHours: number,
): Promise<VoteState | null> {
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const before = await currentVotes(tx, paperId);
      if (before === null) return null;
      const vote = await tx.vote.findUnique({ where: { paperId_visitorId: { paperId, visitorId } } });
      if (!vote) return { votes: before, voted: false };
      await tx.vote.delete({ where: { paperId_visitorId: { paperId, visitorId } } });
      const [row] = await tx.$queryRaw<{ votes: number }[]>`
      UPDATE "Paper" SET "votes" = MAX("votes" - 1, 0) WHERE "id" = ${paperId} RETURNING "votes"`;
      // Same weight, anchored at the upvote's time: the pair adds exactly zero at every moment.
      await recordSignalsInTx(
        tx,
        [{ paperId, kind: "unvote", at: now, anchorAt: vote.createdAt, weight: SIGNAL_WEIGHTS.unvote }],
        halfLifeHours,
      );
      return { votes: Number(row?.votes ?? Math.max(0, before - 1)), voted: false };
    }),
  );
}

/** The visitor's current vote on one paper; null when the paper does not exist. */
export async function voteState(db: Db, paperId: number, visitorId: string | null): Promise<VoteState | null> {
  const paper = await db.paper.findUnique({ where: { id: paperId }, select: { votes: true } });
  if (!paper) return null;
  const voted = visitorId ? (await votedPaperIds(db, visitorId, [paperId])).has(paperId) : false;
  return { votes: paper.votes, voted };
}

/** Each existing paper's count and this visitor's vote on it: two small indexed reads, side by side. */
export async function voteStates(
  db: Db,
  visitorId: string,
  paperIds: readonly number[],
): Promise<Map<number, VoteState>> {
  if (paperIds.length === 0) return new Map();
  const [papers, voted] = await Promise.all([
    db.paper.findMany({ where: { id: { in: [...paperIds] } }, select: { id: true, votes: true } }),
    votedPaperIds(db, visitorId, paperIds),
  ]);
  return new Map(papers.map((paper) => [paper.id, { votes: paper.votes, voted: voted.has(paper.id) }]));
}

/** Which of these papers the visitor has upvoted (one query), for rendering the buttons' pressed state. */
export async function votedPaperIds(
  db: Db,
  visitorId: string | null,
  paperIds: readonly number[],
): Promise<Set<number>> {
  if (!visitorId || paperIds.length === 0) return new Set();
  const rows = await db.vote.findMany({
    where: { visitorId, paperId: { in: [...paperIds] } },
    select: { paperId: true },
  });
  return new Set(rows.map((r) => r.paperId));
}
