// An import in batches on PostgreSQL leaves exactly the related lists and topic text its steps computed:
// the lists are written as the changed ranks only, and pretagged papers are not given their topicsText twice,
// so the stored rows are checked against the same steps replayed in memory and against the tags themselves.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RelatedIndex } from "../../../src/domain/related/related-index";
import { parseTextExport } from "../../../src/domain/text-export";
import { papersWithStaleTopicsText } from "../../helpers/pg-topics-text";
import { createTempDb, type TempDb } from "../../helpers/temp-db";

const NOW = new Date("2026-11-20T12:00:00Z");
const BATCH = 40;
const sample = parseTextExport(fs.readFileSync("prisma/sample-papers.txt", "utf8"));
let temp: TempDb;
let batches: number[][];

beforeAll(async () => {
  temp = await createTempDb();
  batches = [];
  for (let i = 0; i < sample.length; i += BATCH) {
    const entries = sample.slice(i, i + BATCH);
    const { outcomes } = await temp.store.papers.addPapers(
      entries.map((e) => ({ title: e.title, abstract: e.abstract, sourceRank: e.rank })),
      { source: "sample", now: NOW, halfLifeHours: 24 },
    );
    batches.push(outcomes.filter((o) => o.outcome === "added").map((o) => o.paperId));
  }
}, 180_000);
afterAll(async () => temp?.cleanup());

describe("an import in batches on PostgreSQL", () => {
  it("stores every related list exactly as the batches' refreshes computed it", async () => {
    const index = new RelatedIndex();
    for (const ids of batches) {
      const docs = await temp.db.paper.findMany({
        where: { id: { in: ids } },
        orderBy: { id: "asc" },
        select: { id: true, titleText: true, abstractText: true },
      });
      index.add(docs.map((d) => ({ paperId: d.id, title: d.titleText, abstract: d.abstractText })));
      index.refresh(ids);
    }
    const rows = await temp.db.relatedPaper.findMany({ orderBy: [{ paperId: "asc" }, { rank: "asc" }] });
    const stored = new Map<number, { paperId: number; score: number }[]>();
    for (const row of rows)
      stored.set(row.paperId, [...(stored.get(row.paperId) ?? []), { paperId: row.relatedId, score: row.score }]);
    const ids = batches.flat();
    expect(ids).toHaveLength(sample.length);
    let compared = 0;
    for (const paperId of ids) {
      const expected = index.listOf(paperId);
      const got = stored.get(paperId) ?? [];
      expect(got, `paper ${paperId}`).toEqual(expected);
      compared += expected.length;
    }
    // Later batches changed earlier papers' lists, so the comparison covers rewritten ranks, not only new ones.
    expect(compared).toBeGreaterThan(sample.length);
    expect(rows).toHaveLength(compared);
  });

  it("gives each paper the topicsText of exactly its tags, and each topic the count of its papers", async () => {
    expect(await papersWithStaleTopicsText(temp.db)).toBe(0);
    const [tagged] = await temp.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Paper" WHERE "topicsText" <> ''`,
    );
    expect(Number(tagged!.n)).toBeGreaterThan(sample.length / 2);
    const [wrongCounts] = await temp.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Topic" t WHERE t."paperCount" <> (SELECT count(*) FROM "PaperTopic" pt WHERE pt."topicId" = t."id")`,
    );
    expect(Number(wrongCounts!.n)).toBe(0);
  });
});
