// Indexing (topics, related lists) belongs to the import: when it fails after the papers were committed,
// the run reports them as added and as not indexed yet, and the next run completes them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runIngest } from "../../src/server/ingest/run-ingest";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { syntheticTextExports } from "../../scripts/synthetic-papers";
import { fixtureInput } from "../helpers/ingest-fixtures";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2025-01-15T08:00:00Z");
let temp: TempDb;

beforeEach(async () => {
  temp = await createTempDb();
  await loadSampleIfEmpty(temp.store, NOW, 24);
});
afterEach(async () => temp.cleanup());

describe("indexing as part of the import", () => {
  it("reports committed papers whose indexing failed, and completes them on the next run", async () => {
    // A real fault inside the indexing step: SQLite refuses every related-list row for now.
    await temp.db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_related" BEFORE INSERT ON "RelatedPaper" BEGIN SELECT RAISE(ABORT, 'related lists are refused'); END`,
    );
    const failed = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [fixtureInput("arxiv-api-page.xml")],
    });
    expect(failed).toMatchObject({
      added: 3,
      merged: 1,
      indexing: { pending: 3, error: expect.stringContaining("related lists are refused") },
    });
    const added = await temp.db.paper.findMany({ where: { sourceName: "arxiv" }, select: { id: true } });
    expect(added).toHaveLength(3);
    // The three new papers, and the merged one waiting to be tagged again with its new categories.
    expect(await temp.db.pendingIndex.count()).toBe(4);

    await temp.db.$executeRawUnsafe(`DROP TRIGGER "refuse_related"`);
    const next = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [fixtureInput("trending-export.txt")],
    });
    expect(next.indexing).toBeUndefined();
    expect(await temp.db.pendingIndex.count()).toBe(0);
    for (const { id } of added) expect(await temp.db.relatedPaper.count({ where: { paperId: id } })).toBeGreaterThan(0);
  });

  it("indexes a full batch of 2,000 new papers (more ids than one statement binds)", async () => {
    const summary = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: syntheticTextExports(2_000, 2_000),
    });
    expect(summary).toMatchObject({ added: 2_000 });
    expect(summary.indexing).toBeUndefined();
    expect(await temp.db.pendingIndex.count()).toBe(0);
  }, 120_000);
});
