// A bulk import (the command line's, `background: true`) computes related lists in a worker thread while
// later batches are written: the same lists and topics as one thread makes, bad lines still reported by
// number, and a failing worker leaves whole committed batches that are reported pending and completed later.
import { describe, expect, it } from "vitest";
import { withRelatedPipeline } from "../../src/server/store/sqlite/related/related-pipeline";
import {
  BULK_NOW,
  BULK_PAPERS,
  expectSameAsInLine,
  importsAroundABadLine,
  ingestSnapshot,
  plainAndPiped,
  relatedRows,
} from "../helpers/bulk-import-fixtures";

const dbs = plainAndPiped();

describe("bulk import with related lists in a worker thread", () => {
  it("stores the same related lists and topics as an import on one thread, and leaves nothing pending", async () => {
    const one = await ingestSnapshot(dbs.plain);
    // The pipeline runIngest's `background` asks for, entered directly to see that no job fell back.
    const { result: two, failure } = await withRelatedPipeline(dbs.piped.db, () => ingestSnapshot(dbs.piped));
    expect(failure).toBeNull();
    await expectSameAsInLine(dbs, one, two);
  });

  it("reports a bad line mid-stream by its number and imports the rest", () => importsAroundABadLine(dbs.piped));

  it("a failing worker leaves whole committed batches, reported pending, that a later run completes", async () => {
    // A real fault in the worker's transaction (and in the in-process retry): SQLite refuses every list row.
    await dbs.piped.db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_related" BEFORE INSERT ON "RelatedPaper" BEGIN SELECT RAISE(ABORT, 'related lists are refused'); END`,
    );
    const summary = await ingestSnapshot(dbs.piped, { background: true });
    expect(summary).toMatchObject({
      added: BULK_PAPERS,
      indexing: { pending: BULK_PAPERS, error: expect.stringContaining("related lists are refused") },
    });
    expect(await dbs.piped.db.paper.count()).toBe(BULK_PAPERS);
    expect(await dbs.piped.db.relatedPaper.count()).toBe(0);
    expect(await dbs.piped.db.pendingIndex.count()).toBe(BULK_PAPERS);

    await dbs.piped.db.$executeRawUnsafe(`DROP TRIGGER "refuse_related"`);
    expect(await dbs.piped.store.papers.indexPending(BULK_NOW)).toBe(BULK_PAPERS);
    expect(await dbs.piped.db.pendingIndex.count()).toBe(0);
    expect(new Set((await relatedRows(dbs.piped.db)).map((row) => row.paperId)).size).toBe(BULK_PAPERS);
  });
});
