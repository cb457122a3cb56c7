// A bulk import's input and the rows it leaves, for the tests that compare a bulk import with one in line.
import { afterEach, beforeEach, expect } from "vitest";
import { arxivJsonlLine } from "../../scripts/synthetic-papers";
import { runIngest, type IngestOptions, type IngestSummary, type TextInput } from "../../src/server/ingest/run-ingest";
import type { Db } from "../../src/server/store/sqlite/prisma-client";
import { createTempDb, type TempDb } from "./temp-db";

/** An arXiv snapshot of `papers` synthetic lines, line `broken` (1-based) cut off. */
export function snapshot(papers: number, broken?: number): TextInput {
  const lines = Array.from({ length: papers }, (_, i) =>
    i + 1 === broken ? '{"id": "2501.99999", "title": "cut off' : arxivJsonlLine(i),
  );
  return { name: "snapshot.jsonl", content: `${lines.join("\n")}\n` };
}

export function relatedRows(db: Db) {
  return db.relatedPaper.findMany({ orderBy: [{ paperId: "asc" }, { rank: "asc" }] });
}

export function topicRows(db: Db) {
  return db.paperTopic.findMany({ orderBy: [{ paperId: "asc" }, { topicId: "asc" }] });
}

export const BULK_NOW = new Date("2026-12-01T08:00:00Z");
export const BULK_PAPERS = 240;

/** The snapshot imported in batches of 40 (six of them), in line unless `options` say `background`. */
export function ingestSnapshot(temp: TempDb, options: Partial<IngestOptions> = {}): Promise<IngestSummary> {
  return runIngest({
    store: temp.store,
    now: BULK_NOW,
    halfLifeHours: 24,
    inputs: [snapshot(BULK_PAPERS)],
    batchSize: 40,
    ...options,
  });
}

/** Two fresh databases per test: one imported in line, one in bulk. */
export function plainAndPiped(): { plain: TempDb; piped: TempDb } {
  const dbs = {} as { plain: TempDb; piped: TempDb };
  beforeEach(async () => {
    [dbs.plain, dbs.piped] = await Promise.all([createTempDb(), createTempDb()]);
  });
  afterEach(async () => {
    await Promise.all([dbs.plain.cleanup(), dbs.piped.cleanup()]);
  });
  return dbs;
}

/** A bulk import of the snapshot with line 101 broken: that line reported by number, the rest imported and indexed. */
export async function importsAroundABadLine(temp: TempDb): Promise<void> {
  const summary = await ingestSnapshot(temp, { background: true, inputs: [snapshot(BULK_PAPERS, 101)] });
  expect(summary).toMatchObject({ added: BULK_PAPERS - 1 });
  expect(summary.rejected).toEqual([
    { input: "snapshot.jsonl", position: 101, unit: "line", reason: expect.stringContaining("not a JSON object") },
  ]);
  expect(summary.indexing).toBeUndefined();
  expect(await temp.db.pendingIndex.count()).toBe(0);
}

/** The bulk import (`piped`) reported and stored what the import in line (`plain`) did, and left nothing pending. */
export async function expectSameAsInLine(
  dbs: { plain: TempDb; piped: TempDb },
  inLine: IngestSummary,
  bulk: IngestSummary,
): Promise<void> {
  expect(bulk).toEqual(inLine);
  expect(bulk).toMatchObject({ added: BULK_PAPERS });
  expect(bulk.indexing).toBeUndefined();
  const lists = await relatedRows(dbs.piped.db);
  expect(new Set(lists.map((row) => row.paperId)).size).toBe(BULK_PAPERS);
  expect(lists).toEqual(await relatedRows(dbs.plain.db));
  expect(await topicRows(dbs.piped.db)).toEqual(await topicRows(dbs.plain.db));
  expect(await dbs.piped.db.pendingIndex.count()).toBe(0);
}
