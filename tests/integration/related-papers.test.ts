import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../../src/server/store/sqlite/prisma-client";
import { addPapers } from "../../src/server/store/sqlite/papers/paper-store";
import { StaleRelatedIndexError, writeRelatedLists } from "../../src/server/store/sqlite/related/related-rows";
import { rebuildRelated, relatedPapers } from "../../src/server/store/sqlite/related/related-store";
import { sqliteOf } from "../../src/server/store/sqlite/direct-connection";
import { createSampleDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-26T12:00:00Z");
const LOW_RANK = /\blora\b|low[- ]rank/i;
let temp: TempDb;
let loraId: number;

async function storedList(paperId: number) {
  return temp.db.relatedPaper.findMany({ where: { paperId }, orderBy: { rank: "asc" } });
}

// Every test gets its own copy of the sample, lists and all: several of them rewrite or delete rows.
beforeEach(async () => {
  temp = await createSampleDb(NOW);
  loraId = (await temp.db.paper.findFirstOrThrow({ where: { titleText: "LoRA Learns Less and Forgets Less" } })).id;
});
afterEach(() => temp.cleanup());

describe("related papers on the sample data", () => {
  it("finds other low-rank adaptation papers for a paper about LoRA", async () => {
    const related = await relatedPapers(temp.db, loraId);
    expect(related).toHaveLength(5);
    expect(related.map((p) => p.id)).not.toContain(loraId);
    const lowRank = related.filter((p) => LOW_RANK.test(`${p.title} ${p.abstract}`));
    expect(lowRank.length).toBeGreaterThanOrEqual(4);
    expect(related.map((p) => p.title)).toContain(
      "An Empirical Analysis of Forgetting in Pre-trained Models with Incremental Low-Rank Updates",
    );
  });

  it("stores the lists when papers are added: ranks 1..5, best score first", async () => {
    const rows = await storedList(loraId);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const scores = rows.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
    const perPaper = await temp.db.relatedPaper.groupBy({ by: ["paperId"], _count: true });
    expect(perPaper).toHaveLength(210);
    expect(perPaper.every((group) => group._count <= 5)).toBe(true);
  });

  it("reads the stored rows and never recomputes them", async () => {
    const rows = await storedList(loraId);
    const [first, second] = [rows[0]!, rows[1]!];
    // Swap the two best rows by hand: a read that recomputed would put them back.
    await temp.db.$transaction([
      temp.db.relatedPaper.update({
        where: { paperId_rank: { paperId: loraId, rank: 1 } },
        data: { relatedId: second.relatedId },
      }),
      temp.db.relatedPaper.update({
        where: { paperId_rank: { paperId: loraId, rank: 2 } },
        data: { relatedId: first.relatedId },
      }),
    ]);
    expect((await relatedPapers(temp.db, loraId)).slice(0, 2).map((p) => p.id)).toEqual([
      second.relatedId,
      first.relatedId,
    ]);
    await temp.db.relatedPaper.deleteMany({ where: { paperId: loraId } });
    expect(await relatedPapers(temp.db, loraId)).toEqual([]);
  });

  it("rebuilds every list from scratch", async () => {
    const asLoaded = (await storedList(loraId)).map((r) => [r.rank, r.relatedId]);
    const rowsAsLoaded = await temp.db.relatedPaper.count();
    await temp.db.relatedPaper.deleteMany({});
    const result = await rebuildRelated(temp.db);
    expect(result.papers).toBe(210);
    expect(result.rows).toBe(await temp.db.relatedPaper.count());
    expect(result.rows).toBe(rowsAsLoaded);
    const rows = await storedList(loraId);
    expect(rows.map((r) => [r.rank, r.relatedId])).toEqual(asLoaded);
    expect(rows[0]!.score).toBeGreaterThanOrEqual(rows[1]!.score);
  });
});

describe("keeping the lists fresh as papers arrive", () => {
  const newcomer = {
    title: "Low-Rank Adaptation (LoRA) Forgets Less: Rank Choice for LoRA Finetuning",
    abstract:
      "Low-Rank Adaptation (LoRA) finetunes large language models by training low-rank updates to weight matrices. " +
      "We study how the LoRA rank changes forgetting during finetuning and compare LoRA with full finetuning.",
  };

  it("gives a new paper its own list and offers it to the lists it belongs in", async () => {
    const { outcomes } = await addPapers(temp.db, [newcomer], { source: "test", now: NOW, halfLifeHours: 24 });
    const newId = outcomes[0]!.paperId;
    const own = await relatedPapers(temp.db, newId);
    expect(own.map((p) => p.id)).toContain(loraId);
    expect((await relatedPapers(temp.db, loraId)).map((p) => p.id)).toContain(newId);
  });

  it("notices papers another process added and still links to them", async () => {
    const other = await openDb(temp.store.file);
    try {
      const elsewhere = await addPapers(
        other,
        [{ ...newcomer, title: "Rank Choice in Low-Rank Adaptation: LoRA Forgetting Revisited" }],
        { source: "other", now: NOW, halfLifeHours: 24 },
      );
      const elsewhereId = elsewhere.outcomes[0]!.paperId;
      const here = await addPapers(
        temp.db,
        [{ ...newcomer, title: "LoRA Rank and Forgetting in Low-Rank Finetuning, Again" }],
        { source: "test", now: NOW, halfLifeHours: 24 },
      );
      const hereId = here.outcomes[0]!.paperId;
      expect((await relatedPapers(temp.db, hereId)).map((p) => p.id)).toContain(elsewhereId);
      const lists = await temp.db.relatedPaper.groupBy({ by: ["paperId"], _count: true });
      expect(lists.every((group) => group._count <= 5)).toBe(true);
    } finally {
      await other.$disconnect();
    }
  });

  it("notices a paper another process deleted: no list refers to it", async () => {
    const goneId = (await relatedPapers(temp.db, loraId))[0]!.id;
    const elsewhere = new Database(temp.url.replace(/^file:/, ""));
    try {
      elsewhere.pragma("foreign_keys = ON");
      elsewhere.prepare(`DELETE FROM "Paper" WHERE "id" = ?`).run(goneId);
    } finally {
      elsewhere.close();
    }
    const added = await addPapers(
      temp.db,
      [{ ...newcomer, title: "LoRA Forgetting, a Third Look at Low-Rank Finetuning" }],
      { source: "test", now: NOW, halfLifeHours: 24 },
    );
    expect((await relatedPapers(temp.db, added.outcomes[0]!.paperId)).map((p) => p.id)).toContain(loraId);
    expect(await temp.db.relatedPaper.count({ where: { OR: [{ paperId: goneId }, { relatedId: goneId }] } })).toBe(0);
  });

  it("writes nothing from an index that missed a deletion, and leaves foreign keys enforced", async () => {
    const before = await storedList(loraId);
    const papers = await temp.db.paper.count();
    const maxPaperId = (await temp.db.paper.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    // An index that still counts one more paper than the table holds up to its highest id.
    const write = writeRelatedLists(temp.db, [[loraId, [{ paperId: maxPaperId, score: 0.99 }]]], {
      count: papers + 1,
      maxPaperId,
    });
    await expect(write).rejects.toBeInstanceOf(StaleRelatedIndexError);
    expect(await storedList(loraId)).toEqual(before);
    expect(sqliteOf(temp.db).pragma("foreign_keys", { simple: true })).toBe(1);
  });
});
