import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRankedPapers, trendingOrder } from "../helpers/ranked-papers";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let temp: TempDb;
let ids: number[];
beforeEach(async () => {
  temp = await createTempDb();
  ids = await createRankedPapers(temp, 5, NOW);
});
afterEach(async () => temp.cleanup());

describe("votes", () => {
  it("lift a lower paper above the source order when several visitors upvote it", async () => {
    expect(await trendingOrder(temp.db)).toEqual(ids);
    const fifth = ids[4]!;
    for (const visitor of ["ann", "bob", "cy"]) await temp.store.trending.upvote(fifth, visitor, later(1));
    expect(await trendingOrder(temp.db)).toEqual([fifth, ...ids.slice(0, 4)]);
    expect(await temp.store.trending.voteState(fifth, "ann")).toEqual({ votes: 3, voted: true });
  });

  it("are idempotent: a second vote from the same visitor adds no row and no event", async () => {
    const paperId = ids[2]!;
    expect(await temp.store.trending.upvote(paperId, "ann", later(1))).toEqual({ votes: 1, voted: true });
    const key = (await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } })).trendKey;
    expect(await temp.store.trending.upvote(paperId, "ann", later(2))).toEqual({ votes: 1, voted: true });
    expect(await temp.db.vote.count({ where: { paperId } })).toBe(1);
    expect(await temp.db.paperEvent.count({ where: { paperId, kind: "upvote" } })).toBe(1);
    expect((await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } })).trendKey).toBe(key);
  });

  it("hold when the same visitor double-clicks concurrently", async () => {
    await Promise.all([
      temp.store.trending.upvote(ids[1]!, "ann", later(1)),
      temp.store.trending.upvote(ids[1]!, "ann", later(1)),
    ]);
    expect(await temp.db.vote.count()).toBe(1);
    expect((await temp.db.paper.findUniqueOrThrow({ where: { id: ids[1]! } })).votes).toBe(1);
  });

  it("restore the previous order and key when removed, with an unvote anchored at the upvote", async () => {
    const before = await temp.db.paper.findMany({ orderBy: { id: "asc" }, select: { id: true, trendKey: true } });
    const fifth = ids[4]!;
    for (const visitor of ["ann", "bob", "cy"]) await temp.store.trending.upvote(fifth, visitor, later(1));
    for (const visitor of ["ann", "bob", "cy"])
      expect((await temp.store.trending.removeVote(fifth, visitor, later(90)))?.voted).toBe(false);
    expect(await trendingOrder(temp.db)).toEqual(ids);
    const after = await temp.db.paper.findMany({ orderBy: { id: "asc" }, select: { id: true, trendKey: true } });
    after.forEach((row, i) => expect(row.trendKey).toBeCloseTo(before[i]!.trendKey, 9));
    const unvotes = await temp.db.paperEvent.findMany({ where: { kind: "unvote" } });
    expect(unvotes.map((e) => [e.weight, e.anchorAt.toISOString(), e.at.toISOString()])).toEqual(
      Array(3).fill([-1, later(1).toISOString(), later(90).toISOString()]),
    );
    expect(await temp.store.trending.voteState(fifth, "ann")).toEqual({ votes: 0, voted: false });
  });

  it("remove idempotently: without a vote nothing changes", async () => {
    expect(await temp.store.trending.removeVote(ids[0]!, "ann", later(1))).toEqual({ votes: 0, voted: false });
    await temp.store.trending.upvote(ids[0]!, "ann", later(1));
    await temp.store.trending.removeVote(ids[0]!, "ann", later(2));
    expect(await temp.store.trending.removeVote(ids[0]!, "ann", later(3))).toEqual({ votes: 0, voted: false });
    expect(await temp.db.paperEvent.count({ where: { kind: "unvote" } })).toBe(1);
  });

  it("answer null for a paper that does not exist", async () => {
    expect(await temp.store.trending.upvote(9999, "ann", NOW)).toBeNull();
    expect(await temp.store.trending.removeVote(9999, "ann", NOW)).toBeNull();
    expect(await temp.db.vote.count()).toBe(0);
  });

  it("tell which papers a visitor voted for, in one call", async () => {
    await temp.store.trending.upvote(ids[0]!, "ann", NOW);
    await temp.store.trending.upvote(ids[3]!, "ann", NOW);
    await temp.store.trending.upvote(ids[1]!, "bob", NOW);
    expect([...(await temp.store.trending.votedPaperIds("ann", ids))].sort()).toEqual([ids[0], ids[3]].sort());
    expect((await temp.store.trending.votedPaperIds(null, ids)).size).toBe(0);
  });

  it("give a visitor's vote and the current count of each existing paper asked about", async () => {
    await temp.store.trending.upvote(ids[0]!, "ann", NOW);
    await temp.store.trending.upvote(ids[0]!, "bob", NOW);
    await temp.store.trending.upvote(ids[1]!, "bob", NOW);
    const states = await temp.store.trending.voteStates("ann", [ids[0]!, ids[1]!, 999_999]);
    expect(states).toEqual(
      new Map([
        [ids[0], { votes: 2, voted: true }],
        [ids[1], { votes: 1, voted: false }],
      ]),
    );
    expect((await temp.store.trending.voteStates("ann", [])).size).toBe(0);
  });
});
