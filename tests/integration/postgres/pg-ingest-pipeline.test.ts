// A bulk import on PostgreSQL (the command line's, `background: true`) writes a batch's related lists on a
// second connection while the next batch is written: the same lists and topics as an import in line, bad
// lines still reported by number, and a failing list write leaves whole committed batches that are reported
// pending and completed later.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createImportParser } from "../../../src/domain/import/parse-import";
import { RELATED_LOCK } from "../../../src/server/store/postgres/related/related-store";
import {
  BULK_NOW,
  BULK_PAPERS,
  expectSameAsInLine,
  importsAroundABadLine,
  ingestSnapshot,
  plainAndPiped,
  relatedRows,
  snapshot,
} from "../../helpers/bulk-import-fixtures";
import type { TempDb } from "../../helpers/temp-db";

const dbs = plainAndPiped();

describe("bulk import on PostgreSQL with related lists in the background", () => {
  it("stores the same related lists, topics and topic text as an import in line, and leaves nothing pending", async () => {
    const one = await ingestSnapshot(dbs.plain);
    const two = await ingestSnapshot(dbs.piped, { background: true });
    await expectSameAsInLine(dbs, one, two);
    const topicsText = (temp: TempDb) =>
      temp.db.paper.findMany({ orderBy: { id: "asc" }, select: { id: true, topicsText: true } });
    expect(await topicsText(dbs.piped)).toEqual(await topicsText(dbs.plain));
  });

  it("returns from a batch before its lists are written, and writes them before the import ends", async () => {
    const papers = createImportParser("arxiv-jsonl").push(snapshot(BULK_PAPERS).content).papers;
    const options = { source: "arxiv", now: BULK_NOW, halfLifeHours: 24 };
    // 40 papers first, in line (their topic vocabulary is computed then), so the next batch is tagged before
    // its insert and needs only its related lists.
    await dbs.piped.store.papers.addPapers(papers.slice(0, 40), options);
    // Another session holds the lock every list write takes: the background job waits on it.
    const holder = new pg.Client({ connectionString: dbs.piped.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock($1)`, [RELATED_LOCK]);
      const { result: batch, indexing } = await dbs.piped.store.papers.bulkImport!(BULK_NOW, async () => {
        const added = await dbs.piped.store.papers.addPapers(papers.slice(40, 70), options);
        const ids = added.outcomes.map((o) => o.paperId);
        expect(await dbs.piped.db.paper.count()).toBe(70);
        expect(await dbs.piped.db.pendingIndex.count()).toBe(30);
        expect(await dbs.piped.db.relatedPaper.count({ where: { paperId: { in: ids } } })).toBe(0);
        await holder.query(`SELECT pg_advisory_unlock($1)`, [RELATED_LOCK]);
        return ids;
      });
      expect(indexing).toBeUndefined();
      expect(await dbs.piped.db.pendingIndex.count()).toBe(0);
      const listed = await dbs.piped.db.relatedPaper.findMany({
        where: { paperId: { in: batch } },
        distinct: ["paperId"],
      });
      expect(listed).toHaveLength(30);
    } finally {
      await holder.end();
    }
  });

  it("reports a bad line mid-stream by its number and imports the rest", () => importsAroundABadLine(dbs.piped));

  it("a failing list write leaves whole committed batches, reported pending, that a later run completes", async () => {
    // A real fault in the background transaction (and in the in-line retries): every list row is refused.
    await dbs.piped.db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_related() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'related lists are refused'; END $$`,
    );
    await dbs.piped.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_related BEFORE INSERT ON "RelatedPaper" FOR EACH ROW EXECUTE FUNCTION refuse_related()`,
    );
    const summary = await ingestSnapshot(dbs.piped, { background: true });
    expect(summary).toMatchObject({
      added: BULK_PAPERS,
      indexing: { pending: BULK_PAPERS, error: expect.stringContaining("related lists are refused") },
    });
    expect(await dbs.piped.db.paper.count()).toBe(BULK_PAPERS);
    expect(await dbs.piped.db.relatedPaper.count()).toBe(0);
    expect(await dbs.piped.db.pendingIndex.count()).toBe(BULK_PAPERS);

    await dbs.piped.db.$executeRawUnsafe(`DROP TRIGGER refuse_related ON "RelatedPaper"`);
    expect(await dbs.piped.store.papers.indexPending(BULK_NOW)).toBe(BULK_PAPERS);
    expect(await dbs.piped.db.pendingIndex.count()).toBe(0);
    expect(new Set((await relatedRows(dbs.piped.db)).map((row) => row.paperId)).size).toBe(BULK_PAPERS);
  });
});
