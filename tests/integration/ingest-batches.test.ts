// runIngest end to end on a real db: all-or-nothing per input file, per-entry rejections, dry runs,
// progress, and new papers searchable as they land.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { arxivJsonlLine } from "../../scripts/synthetic-papers";
import { IngestInputError, runIngest, type StreamedInput } from "../../src/server/ingest/run-ingest";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { fixtureInput } from "../helpers/ingest-fixtures";

const NOW = new Date("2025-01-15T08:00:00Z");
const input = fixtureInput;

let temp: TempDb;
beforeEach(async () => {
  temp = await createTempDb();
});
afterEach(async () => {
  await temp.cleanup();
});

/**
 * An arXiv snapshot read in pieces like a file, longer than the head its format is judged by (256 KB), with
 * one broken line.
 */
function snapshotFile(lines: number, broken: number): StreamedInput {
  const all = Array.from({ length: lines }, (_, i) =>
    i + 1 === broken ? '{"id": "2501.99999", "title": "cut off' : arxivJsonlLine(i),
  );
  const text = `${all.join("\n")}\n`;
  expect(text.length).toBeGreaterThan(256 * 1024);
  return {
    name: "snapshot.jsonl",
    async *read() {
      for (let at = 0; at < text.length; at += 64 * 1024) yield text.slice(at, at + 64 * 1024);
    },
  };
}

describe("runIngest", () => {
  it("judges a snapshot by its head: a later unusable input still means nothing is written", async () => {
    const run = runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [snapshotFile(300, 150), { name: "empty.txt", content: "" }],
    });
    await expect(run).rejects.toThrow(/empty\.txt: the input is empty/);
    expect(await temp.db.paper.count()).toBe(0);
  });

  it("imports a snapshot judged by its head: its bad line rejected by number, progress counted in lines", async () => {
    const progress: [number, number][] = [];
    const summary = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [input("trending-export.txt"), snapshotFile(300, 150)],
      batchSize: 100,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(summary.inputs).toEqual([
      { name: "trending-export.txt", format: "text", papers: 3 },
      { name: "snapshot.jsonl", format: "arxiv-jsonl", papers: 299 },
    ]);
    expect(summary.rejected).toEqual([
      { input: "snapshot.jsonl", position: 150, unit: "line", reason: expect.stringContaining("not a JSON object") },
    ]);
    expect(summary.added).toBe(302);
    expect(await temp.db.paper.count()).toBe(302);
    // The total: the text export's 3 papers and the snapshot's 300 lines; the last report reaches it.
    expect(progress[0]).toEqual([0, 303]);
    expect(progress.at(-1)).toEqual([303, 303]);
  });

  it("writes nothing when any input is malformed, and names that input", async () => {
    const truncated = { name: "cut.xml", content: input("arxiv-api-page.xml").content.slice(0, 1_500) };
    const run = runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [input("trending-export.txt"), truncated],
    });
    await expect(run).rejects.toThrow(IngestInputError);
    await expect(
      runIngest({ store: temp.store, halfLifeHours: 24, now: NOW, inputs: [input("trending-export.txt"), truncated] }),
    ).rejects.toThrow(/^cut\.xml: malformed XML/);
    expect(await temp.db.paper.count()).toBe(0);
    expect(await temp.db.paperEvent.count()).toBe(0);
  });

  it("a file of another format than claimed changes nothing", async () => {
    await expect(
      runIngest({
        store: temp.store,
        halfLifeHours: 24,
        now: NOW,
        inputs: [input("hf-daily-papers.json")],
        format: "arxiv-atom",
      }),
    ).rejects.toThrow("hf-daily-papers.json: not an arXiv Atom feed: the content looks like JSON");
    expect(await temp.db.paper.count()).toBe(0);
  });

  it("keeps the valid entries, reports rejected and skipped ones with input and position", async () => {
    const summary = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [input("hf-daily-papers.json"), input("arxiv-listing-cs-lg.rss")],
    });
    expect(summary).toMatchObject({
      added: 4,
      inputs: [
        { name: "hf-daily-papers.json", format: "hf-daily", papers: 2 },
        { name: "arxiv-listing-cs-lg.rss", format: "arxiv-rss", papers: 2 },
      ],
      rejected: [{ input: "hf-daily-papers.json", position: 3, reason: "abstract: missing" }],
      skipped: [
        {
          input: "arxiv-listing-cs-lg.rss",
          position: 3,
          reason: "a revision of an earlier paper (announce type replace)",
        },
      ],
    });
    expect(await temp.db.paper.count()).toBe(4);
  });

  it("a dry run counts what would happen and writes nothing", async () => {
    await runIngest({ store: temp.store, halfLifeHours: 24, now: NOW, inputs: [input("trending-export.txt")] });
    const before = await temp.db.paper.findMany({ orderBy: { id: "asc" } });
    const summary = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [input("arxiv-api-page.xml"), input("hf-daily-papers.json")],
      dryRun: true,
    });
    // The Hugging Face entry of a stored paper brings its keywords: a merge, not "unchanged".
    expect(summary).toMatchObject({ dryRun: true, added: 3, merged: 3, unchanged: 0 });
    expect(await temp.db.paper.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await temp.db.paperEvent.count()).toBe(3);
  });

  it("reports progress per batch and makes each paper findable through the search index", async () => {
    const lines = ["Get trending papers in your email inbox!"];
    for (let i = 1; i <= 25; i++)
      lines.push(`Quasicrystal lattice study number ${i}`, `We examine quasicrystal lattice ${i} in detail.`);
    const progress: [number, number][] = [];
    await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [{ name: "many.txt", content: lines.join("\n") }],
      batchSize: 10,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [0, 25],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    const hits = await temp.store.search.rankMatches({
      slots: [{ alternatives: [{ words: ["quasicrystal"], prefix: false }] }],
      mode: "all",
      estimatedMatches: 25,
      filter: { since: null },
      order: "relevance",
      limit: 50,
      offset: 0,
    });
    expect(hits.total).toBe(25);
  });

  it("stores hostile strings as inert text without control characters", async () => {
    const content = JSON.stringify([
      {
        paper: {
          id: "2501.09999",
          title: "<script>alert(1)</script>\u0000Tagged",
          summary: "Body\u0007 <b>x</b>",
          upvotes: 2,
        },
      },
    ]);
    await runIngest({ store: temp.store, halfLifeHours: 24, now: NOW, inputs: [{ name: "hostile.json", content }] });
    const paper = await temp.db.paper.findFirstOrThrow({ where: { arxivId: "2501.09999" } });
    expect(paper).toMatchObject({
      title: "<script>alert(1)</script>Tagged",
      abstract: "Body <b>x</b>",
      slug: "script-alert-1-script-tagged",
    });
  });
});
