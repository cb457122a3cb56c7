// The same paper from several sources ends as one paper with merged facts; re-imports change nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runIngest } from "../../src/server/ingest/run-ingest";
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

async function snapshot() {
  const papers = await temp.db.paper.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } });
  const events = await temp.db.paperEvent.findMany({ orderBy: { id: "asc" } });
  return { papers, events };
}

describe("dedupe across sources", () => {
  it("merges by arXiv id and by normalised title (case, spacing, LaTeX) into one paper with every fact", async () => {
    const first = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [input("trending-export.txt")],
    });
    expect(first).toMatchObject({ added: 3, merged: 0, unchanged: 0 });

    // The arXiv page knows LoRA and k-sparse attention by title only in the store: both merge.
    const second = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [input("arxiv-api-page.xml")],
    });
    expect(second).toMatchObject({ added: 2, merged: 2, unchanged: 0 });

    // HF knows k-sparse attention by arXiv id (now stored): it adds its keywords, and a co-author only if
    // none were known.
    const third = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [input("hf-daily-papers.json")],
    });
    expect(third).toMatchObject({ added: 1, merged: 1, unchanged: 0 });

    expect(await temp.db.paper.count()).toBe(6);
    const sparse = await temp.db.paper.findMany({
      where: { titleKey: "scaling laws for k sparse attention in long context transformers" },
    });
    expect(sparse).toHaveLength(1);
    expect(sparse[0]).toMatchObject({
      title: "scaling laws for k-sparse attention in long-context transformers",
      arxivId: "2501.04519",
      authors: JSON.stringify(["Mira Quint"]),
      authorsText: "Mira Quint",
      sourceUrl: "https://arxiv.org/abs/2501.04519",
      pdfUrl: "https://arxiv.org/pdf/2501.04519",
      primaryCategory: "cs.LG",
      categories: JSON.stringify(["cs.LG"]),
      keywords: JSON.stringify(["sparse attention", "scaling laws"]),
      publishedAt: new Date("2025-01-08T14:10:00Z"),
      feedAt: new Date("2025-01-08T14:10:00Z"),
      sourceName: "text-export",
      sourceRank: 3,
    });
    const events = await temp.db.paperEvent.findMany({ where: { paperId: sparse[0]!.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.value, e.source])).toEqual([
      ["source_rank", 3, "text-export"],
      ["source_rank", 1, "huggingface"],
      ["hf_upvotes", 42, "huggingface"],
    ]);

    const lora = await temp.db.paper.findFirstOrThrow({ where: { arxivId: "2106.09685" } });
    expect(lora).toMatchObject({
      title: "LoRA: low-rank ADAPTATION of large language models",
      comment: "Draft V2 includes better baselines & experiments",
    });
  });

  it("re-importing the same files changes nothing, later the same day too", async () => {
    const all = ["arxiv-api-page.xml", "arxiv-listing-cs-lg.rss", "hf-daily-papers.json", "trending-export.txt"].map(
      input,
    );
    await runIngest({ store: temp.store, halfLifeHours: 24, now: NOW, inputs: all });
    const before = await snapshot();
    const again = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: new Date(NOW.getTime() + 3_600_000),
      inputs: all,
    });
    expect(again).toMatchObject({ added: 0, merged: 0 });
    // Every valid entry of the four files (11) found its stored paper.
    expect(again.unchanged).toBe(11);
    expect(before.papers).toHaveLength(8);
    expect(await snapshot()).toEqual(before);
  });

  it("two entries of the same paper in one file become one paper", async () => {
    const twice = `Get trending papers in your email inbox!\nA Paper\nIts abstract.\nA  PAPER\nIts abstract again.`;
    const summary = await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [{ name: "twice.txt", content: twice }],
    });
    expect(summary).toMatchObject({ added: 1, unchanged: 1 });
    const events = await temp.db.paperEvent.findMany();
    expect(events.map((e) => e.value)).toEqual([1]);
  });

  it("different arXiv ids behind the same title stay two papers", async () => {
    const feed = (id: string) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/${id}v1</id><title>Introduction</title><summary>Text ${id}.</summary></entry></feed>`;
    await runIngest({
      store: temp.store,
      halfLifeHours: 24,
      now: NOW,
      inputs: [
        { name: "a", content: feed("2501.00001") },
        { name: "b", content: feed("2501.00002") },
      ],
    });
    const papers = await temp.db.paper.findMany({ orderBy: { id: "asc" }, select: { arxivId: true, slug: true } });
    expect(papers).toEqual([
      { arxivId: "2501.00001", slug: "introduction" },
      { arxivId: "2501.00002", slug: "introduction-2" },
    ]);
  });
});
