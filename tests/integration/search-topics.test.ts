// Topic tagging and the topic queries behind /topics and /topics/[slug], on a real temporary db.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { windowStart } from "../../src/domain/feed-params";
import { isRecomputeDue } from "../../src/server/store/sqlite/topics/topic-store";
import { createSampleDb, type TempDb } from "../helpers/temp-db";

const now = new Date("2026-11-20T12:00:00Z");
let temp: TempDb;

// Each test gets its own copy of the sample: some add papers or recompute the vocabulary.
beforeEach(async () => {
  temp = await createSampleDb(now);
}, 120_000);
afterEach(() => temp.cleanup());

describe("topics", () => {
  it("derives the sample's key phrases, merging acronyms into them", async () => {
    const topics = await temp.store.topics.listTopics();
    const labels = topics.map((t) => t.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Low-rank adaptation",
        "Mixture of experts",
        "Kolmogorov-Arnold networks",
        "State space models",
        "Activation sparsity",
        "Quantization",
        "Interpretability",
      ]),
    );
    const lora = await temp.store.topics.topicBySlug("low-rank-adaptation");
    expect(lora?.aliases).toContain("LoRA");
    expect((await temp.store.topics.topicBySlug("mixture-of-experts"))?.aliases).toContain("MoE");
    expect(await temp.store.topics.topicBySlug("no-such-topic")).toBeNull();
  });

  it("tags the sample papers and keeps counts and topicsText in step", async () => {
    const topic = (await temp.store.topics.topicBySlug("kolmogorov-arnold-networks"))!;
    const { papers, total } = await temp.store.listing.listPapers({
      topicId: topic.id,
      since: null,
      order: "trending",
      limit: 20,
      offset: 0,
    });
    expect(total).toBe(topic.paperCount);
    expect(papers.map((p) => p.title)).toEqual(
      expect.arrayContaining([
        "Activation Space Selectable Kolmogorov-Arnold Networks",
        "Kolmogorov-Arnold Transformer",
      ]),
    );
    const keys = papers.map((p) => p.trendKey);
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    for (const paper of papers) expect(paper.topics.map((t) => t.slug)).toContain("kolmogorov-arnold-networks");
    const row = await temp.db.paper.findUniqueOrThrow({ where: { id: papers[0]!.id }, select: { topicsText: true } });
    expect(row.topicsText).toContain("KAN");
  });

  it("tags a new paper as it is added, with its arXiv categories as topics", async () => {
    const added = await temp.store.papers.addPapers(
      [
        {
          title: "Sparse mixture of experts for state space models",
          abstract:
            "We route tokens in a mixture of experts (MoE) between state space models; the SSM experts stay sparse.",
          categories: ["cs.LG", "cs.CL"],
        },
      ],
      { source: "test", now, halfLifeHours: 24 },
    );
    const paperId = added.outcomes[0]!.paperId;
    const tags = await temp.db.paperTopic.findMany({
      where: { paperId },
      select: { topic: { select: { slug: true } } },
    });
    expect(tags.map((t) => t.topic.slug)).toEqual(
      expect.arrayContaining(["mixture-of-experts", "state-space-models", "cs.lg", "cs.cl"]),
    );
    const category = (await temp.store.topics.topicBySlug("cs.lg"))!;
    expect(category).toMatchObject({ kind: "category", label: "Machine learning (cs.LG)", paperCount: 1 });
  });

  it("recomputes when the corpus has doubled, without renaming or losing topics", async () => {
    expect(isRecomputeDue(19, null)).toBe(false);
    expect(isRecomputeDue(20, null)).toBe(true);
    expect(isRecomputeDue(399, 210)).toBe(false);
    expect(isRecomputeDue(420, 210)).toBe(true);
    const before = await temp.store.topics.listTopics();
    await temp.store.topics.recomputeVocabulary(now);
    const after = await temp.store.topics.listTopics();
    for (const topic of before)
      expect(after.find((t) => t.slug === topic.slug)?.paperCount).toBeGreaterThanOrEqual(topic.paperCount);
  });

  it("lists a topic's papers within a window only", async () => {
    const topic = (await temp.store.topics.topicBySlug("low-rank-adaptation"))!;
    const later = new Date(now.getTime() + 10 * 86_400_000);
    const week = await temp.store.listing.listPapers({
      topicId: topic.id,
      since: windowStart("week", later),
      order: "new",
      limit: 5,
      offset: 0,
    });
    expect(week).toEqual({ papers: [], total: 0 });
    const month = await temp.store.listing.listPapers({
      topicId: topic.id,
      since: windowStart("month", later),
      order: "new",
      limit: 5,
      offset: 0,
    });
    expect(month.total).toBe(topic.paperCount);
  });
});
