// A batch's new papers go into PostgreSQL in parts of 500, each sent while the next is tagged: every paper
// still gets its own id, slug, tags and topic text, and a part the database refuses fails the whole batch
// with that part's own error, nothing written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createImportParser } from "../../../src/domain/import/parse-import";
import type { NewPaper } from "../../../src/domain/paper";
import { snapshot } from "../../helpers/bulk-import-fixtures";
import { papersWithStaleTopicsText } from "../../helpers/pg-topics-text";
import { createTempDb, type TempDb } from "../../helpers/temp-db";

const OPTIONS = { source: "arxiv", now: new Date("2026-12-01T08:00:00Z"), halfLifeHours: 24 };
// More than two parts after the first 40 (which are tagged after their insert, computing the vocabulary).
const PAPERS = 40 + 1_240;

let temp: TempDb;
let papers: NewPaper[];
beforeEach(async () => {
  temp = await createTempDb();
  papers = createImportParser("arxiv-jsonl").push(snapshot(PAPERS).content).papers;
});
afterEach(async () => temp.cleanup());

describe("inserting a batch in parts", () => {
  it("gives every paper of a batch of three parts its own id, slug, tags and topic text", async () => {
    await temp.store.papers.addPapers(papers.slice(0, 40), OPTIONS);
    const batch = papers.slice(40);
    const { outcomes, added } = await temp.store.papers.addPapers(batch, OPTIONS);
    expect(added).toBe(batch.length);
    const stored = await temp.db.paper.findMany({ select: { id: true, arxivId: true, slug: true } });
    const byId = new Map(stored.map((p) => [p.id, p]));
    expect(outcomes.map((o) => byId.get(o.paperId)?.arxivId)).toEqual(batch.map((p) => p.arxivId));
    expect(new Set(stored.map((p) => p.slug)).size).toBe(PAPERS);
    expect(await papersWithStaleTopicsText(temp.db)).toBe(0);
    const tagged = await temp.db.paper.count({
      where: { id: { in: outcomes.map((o) => o.paperId) }, topicsText: { not: "" } },
    });
    expect(tagged).toBe(batch.length);
  });

  it("fails the whole batch with the refused part's own error, writing none of it", async () => {
    await temp.store.papers.addPapers(papers.slice(0, 40), OPTIONS);
    const links = await temp.db.paperTopic.count();
    // The second part's first paper is refused by the database.
    const refused = papers[40 + 500]!.title;
    await temp.db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_paper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'this paper is refused'; END $$`,
    );
    await temp.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_paper BEFORE INSERT ON "Paper" FOR EACH ROW WHEN (NEW."title" = ${`'${refused.replace(/'/g, "''")}'`}) EXECUTE FUNCTION refuse_paper()`,
    );
    await expect(temp.store.papers.addPapers(papers.slice(40), OPTIONS)).rejects.toThrow("this paper is refused");
    expect(await temp.db.paper.count()).toBe(40);
    expect(await temp.db.paperTopic.count()).toBe(links);
    expect(await temp.db.pendingIndex.count()).toBe(0);
  });
});
