// A bulk import (the command line's, `background: true`) computes related lists in a worker thread while
// later batches are written, and stores them on its one writer: the same lists and topics as one thread
// makes, bad lines still reported by number, and lists that cannot be stored, or an import interrupted
// before they are, leave whole committed batches pending, completed later.
import { describe, expect, it } from "vitest";
import { arxivJsonlLine } from "../../scripts/synthetic-papers";
import { withRelatedPipeline } from "../../src/server/store/sqlite/related/related-pipeline";
import { openSqliteStore } from "../../src/server/store/sqlite/sqlite-store";
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

  it("lists that cannot be stored leave whole committed batches, reported pending, that a later run completes", async () => {
    // A real fault in storing the worker's lists (and in the in-process retry): SQLite refuses every list row.
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

  it("an import interrupted after its batches leaves every paper without its list pending, for indexPending", async () => {
    const interrupted = withRelatedPipeline(dbs.piped.db, async () => {
      await ingestSnapshot(dbs.piped);
      throw new Error("interrupted");
    });
    await expect(interrupted).rejects.toThrow("interrupted");
    // The last job's lists at least were computed and never stored: those papers are still pending.
    const pending = new Set((await dbs.piped.db.pendingIndex.findMany()).map((row) => row.paperId));
    const listed = new Set((await relatedRows(dbs.piped.db)).map((row) => row.paperId));
    const papers = (await dbs.piped.db.paper.findMany({ select: { id: true } })).map((paper) => paper.id);
    expect(papers).toHaveLength(BULK_PAPERS);
    expect(papers.filter((id) => !listed.has(id) && !pending.has(id))).toEqual([]);
    expect(pending.size).toBeGreaterThanOrEqual(40);

    expect(await dbs.piped.store.papers.indexPending(BULK_NOW)).toBe(pending.size);
    expect(await dbs.piped.db.pendingIndex.count()).toBe(0);
    expect(new Set((await relatedRows(dbs.piped.db)).map((row) => row.paperId)).size).toBe(BULK_PAPERS);
  });

  it("papers another process adds meanwhile fail the worker's next job, and the import indexes the rest itself", async () => {
    const lines = (from: number, to: number) => ({
      name: `snapshot-${from}.jsonl`,
      content: `${Array.from({ length: to - from }, (_, i) => arxivJsonlLine(from + i)).join("\n")}\n`,
    });
    const beside = await openSqliteStore(dbs.piped.url, { halfLifeHours: 24 });
    try {
      const { result, failure } = await withRelatedPipeline(dbs.piped.db, async () => {
        const first = await ingestSnapshot(dbs.piped, { inputs: [lines(0, 120)] });
        // Another process's import: its paper lands between this import's batches.
        await beside.papers.addPapers([{ title: "Quasicrystal lattices beside an import", abstract: "A paper." }], {
          source: "beside",
          now: BULK_NOW,
          halfLifeHours: 24,
        });
        const second = await ingestSnapshot(dbs.piped, { inputs: [lines(120, BULK_PAPERS)] });
        return first.added + second.added;
      });
      expect(result).toBe(BULK_PAPERS);
      expect(failure?.message).toContain("papers were added or deleted beside the import");
    } finally {
      await beside.close();
    }
    expect(await dbs.piped.db.pendingIndex.count()).toBe(0);
    // Every paper of the import has its list (the one beside may have no neighbour).
    expect(new Set((await relatedRows(dbs.piped.db)).map((row) => row.paperId)).size).toBeGreaterThanOrEqual(
      BULK_PAPERS,
    );
  });
});
