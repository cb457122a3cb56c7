// A bulk import (the command line's, `background: true`) computes related lists in a worker thread while
// later batches are written, and stores them on its one writer: the same lists and topics as one thread
// makes, bad lines still reported by number, and lists that cannot be stored, or an import interrupted
// before they are, leave whole committed batches pending, completed later.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { arxivJsonlLine } from "../../scripts/synthetic-papers";
import { runIngest, type IngestOptions } from "../../src/server/ingest/run-ingest";
import { withRelatedPipeline } from "../../src/server/store/sqlite/related/related-pipeline";
import { openSqliteStore } from "../../src/server/store/sqlite/sqlite-store";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-12-01T08:00:00Z");
const PAPERS = 240;
const BATCH = 40;

let plain: TempDb;
let piped: TempDb;
beforeEach(async () => {
  [plain, piped] = await Promise.all([createTempDb(), createTempDb()]);
});
afterEach(async () => {
  await Promise.all([plain.cleanup(), piped.cleanup()]);
});

function snapshot(broken?: number): { name: string; content: string } {
  const lines = Array.from({ length: PAPERS }, (_, i) =>
    i + 1 === broken ? '{"id": "2501.99999", "title": "cut off' : arxivJsonlLine(i),
  );
  return { name: "snapshot.jsonl", content: `${lines.join("\n")}\n` };
}

function ingest(temp: TempDb, options: Partial<IngestOptions> = {}) {
  return runIngest({
    store: temp.store,
    now: NOW,
    halfLifeHours: 24,
    inputs: [snapshot()],
    batchSize: BATCH,
    ...options,
  });
}

async function relatedRows(temp: TempDb) {
  return temp.db.relatedPaper.findMany({ orderBy: [{ paperId: "asc" }, { rank: "asc" }] });
}

async function topicRows(temp: TempDb) {
  return temp.db.paperTopic.findMany({ orderBy: [{ paperId: "asc" }, { topicId: "asc" }] });
}

describe("bulk import with related lists in a worker thread", () => {
  it("stores the same related lists and topics as an import on one thread, and leaves nothing pending", async () => {
    const one = await ingest(plain);
    // The pipeline runIngest's `background` asks for, entered directly to see that no job fell back.
    const { result: two, failure } = await withRelatedPipeline(piped.db, () => ingest(piped));
    expect(failure).toBeNull();
    expect(two).toEqual(one);
    expect(two).toMatchObject({ added: PAPERS });
    expect(two.indexing).toBeUndefined();
    const lists = await relatedRows(piped);
    expect(new Set(lists.map((row) => row.paperId)).size).toBe(PAPERS);
    expect(lists).toEqual(await relatedRows(plain));
    expect(await topicRows(piped)).toEqual(await topicRows(plain));
    expect(await piped.db.pendingIndex.count()).toBe(0);
  });

  it("reports a bad line mid-stream by its number and imports the rest", async () => {
    const summary = await ingest(piped, { background: true, inputs: [snapshot(101)] });
    expect(summary).toMatchObject({ added: PAPERS - 1 });
    expect(summary.rejected).toEqual([
      { input: "snapshot.jsonl", position: 101, unit: "line", reason: expect.stringContaining("not a JSON object") },
    ]);
    expect(summary.indexing).toBeUndefined();
    expect(await piped.db.pendingIndex.count()).toBe(0);
  });

  it("lists that cannot be stored leave whole committed batches, reported pending, that a later run completes", async () => {
    // A real fault in storing the worker's lists (and in the in-process retry): SQLite refuses every list row.
    await piped.db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_related" BEFORE INSERT ON "RelatedPaper" BEGIN SELECT RAISE(ABORT, 'related lists are refused'); END`,
    );
    const summary = await ingest(piped, { background: true });
    expect(summary).toMatchObject({
      added: PAPERS,
      indexing: { pending: PAPERS, error: expect.stringContaining("related lists are refused") },
    });
    expect(await piped.db.paper.count()).toBe(PAPERS);
    expect(await piped.db.relatedPaper.count()).toBe(0);
    expect(await piped.db.pendingIndex.count()).toBe(PAPERS);

    await piped.db.$executeRawUnsafe(`DROP TRIGGER "refuse_related"`);
    expect(await piped.store.papers.indexPending(NOW)).toBe(PAPERS);
    expect(await piped.db.pendingIndex.count()).toBe(0);
    expect(new Set((await relatedRows(piped)).map((row) => row.paperId)).size).toBe(PAPERS);
  });

  it("an import interrupted after its batches leaves every paper without its list pending, for indexPending", async () => {
    const interrupted = withRelatedPipeline(piped.db, async () => {
      await ingest(piped);
      throw new Error("interrupted");
    });
    await expect(interrupted).rejects.toThrow("interrupted");
    // The last job's lists at least were computed and never stored: those papers are still pending.
    const pending = new Set((await piped.db.pendingIndex.findMany()).map((row) => row.paperId));
    const listed = new Set((await relatedRows(piped)).map((row) => row.paperId));
    const papers = (await piped.db.paper.findMany({ select: { id: true } })).map((paper) => paper.id);
    expect(papers).toHaveLength(PAPERS);
    expect(papers.filter((id) => !listed.has(id) && !pending.has(id))).toEqual([]);
    expect(pending.size).toBeGreaterThanOrEqual(BATCH);

    expect(await piped.store.papers.indexPending(NOW)).toBe(pending.size);
    expect(await piped.db.pendingIndex.count()).toBe(0);
    expect(new Set((await relatedRows(piped)).map((row) => row.paperId)).size).toBe(PAPERS);
  });

  it("papers another process adds meanwhile fail the worker's next job, and the import indexes the rest itself", async () => {
    const lines = (from: number, to: number) => ({
      name: `snapshot-${from}.jsonl`,
      content: `${Array.from({ length: to - from }, (_, i) => arxivJsonlLine(from + i)).join("\n")}\n`,
    });
    const beside = await openSqliteStore(piped.url, { halfLifeHours: 24 });
    try {
      const { result, failure } = await withRelatedPipeline(piped.db, async () => {
        const first = await ingest(piped, { inputs: [lines(0, 120)] });
        // Another process's import: its paper lands between this import's batches.
        await beside.papers.addPapers([{ title: "Quasicrystal lattices beside an import", abstract: "A paper." }], {
          source: "beside",
          now: NOW,
          halfLifeHours: 24,
        });
        const second = await ingest(piped, { inputs: [lines(120, PAPERS)] });
        return first.added + second.added;
      });
      expect(result).toBe(PAPERS);
      expect(failure?.message).toContain("papers were added or deleted beside the import");
    } finally {
      await beside.close();
    }
    expect(await piped.db.pendingIndex.count()).toBe(0);
    // Every paper of the import has its list (the one beside may have no neighbour).
    expect(new Set((await relatedRows(piped)).map((row) => row.paperId)).size).toBeGreaterThanOrEqual(PAPERS);
  });
});
