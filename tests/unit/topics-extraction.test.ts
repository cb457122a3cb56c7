// Topic vocabulary extraction (tf-idf phrases, stoplist, variant merging) and paper tagging.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTextExport } from "../../src/domain/text-export";
import { findAcronymDefinitions } from "../../src/domain/topics/acronyms";
import { categoryTopic } from "../../src/domain/topics/arxiv-categories";
import { extractTopicVocabulary } from "../../src/domain/topics/extract-vocabulary";
import { topicSlug } from "../../src/domain/topics/topic-definition";
import { TopicMatcher } from "../../src/domain/topics/topic-matcher";

const sample = parseTextExport(fs.readFileSync(path.join(process.cwd(), "prisma", "sample-papers.txt"), "utf8"));
const vocabulary = extractTopicVocabulary(sample.map((e) => ({ title: e.title, abstract: e.abstract })));
const byLabel = new Map(vocabulary.map((t) => [t.label, t]));

describe("extractTopicVocabulary", () => {
  it("finds the sample's key phrases", () => {
    for (const label of [
      "Low-rank adaptation",
      "Activation sparsity",
      "Kolmogorov-Arnold networks",
      "Mixture of experts",
      "State space models",
      "Quantization",
      "Interpretability",
    ]) {
      expect(byLabel.has(label), label).toBe(true);
    }
  });

  it("merges acronyms and spellings into one topic", () => {
    expect(byLabel.get("Low-rank adaptation")?.aliases).toContain("LoRA");
    expect(byLabel.get("Mixture of experts")?.aliases).toContain("MoE");
    expect(byLabel.get("Kolmogorov-Arnold networks")?.aliases).toContain("KAN");
    expect(byLabel.get("State space models")?.aliases).toContain("SSM");
    expect(vocabulary.filter((t) => /^(lora|moe|kan|ssm)$/i.test(t.label))).toEqual([]);
  });

  it("keeps stopwords and self-description out", () => {
    for (const t of vocabulary)
      expect(t.label).not.toMatch(/^(the|we|propose|results|paper|method|experimental results)$/i);
  });

  it("returns nothing for an empty corpus", () => {
    expect(extractTopicVocabulary([])).toEqual([]);
  });
});

describe("acronyms, slugs and categories", () => {
  it("pairs acronyms with their long forms", () => {
    expect(
      findAcronymDefinitions("We use Low-Rank Adaptation (LoRA) and state space models (SSMs), see (ours)."),
    ).toEqual([
      { acronym: "LoRA", longForm: "Low-Rank Adaptation" },
      { acronym: "SSM", longForm: "state space models" },
    ]);
  });

  it("makes URL-safe slugs", () => {
    expect(topicSlug("Low-rank adaptation")).toBe("low-rank-adaptation");
    expect(topicSlug("Padé units!")).toBe("pade-units");
    expect(categoryTopic("cs.LG")).toEqual({ slug: "cs.lg", label: "Machine learning (cs.LG)" });
  });
});

describe("TopicMatcher", () => {
  const matcher = new TopicMatcher([
    { id: 1, label: "Low-rank adaptation", aliases: ["LoRA"] },
    { id: 2, label: "Adaptation", aliases: [] },
    { id: 3, label: "Quantization", aliases: [] },
  ]);

  it("tags title mentions, repeated abstract mentions and aliases, longest phrase first", () => {
    const tags = matcher.match(
      "LoRA for everyone",
      "Low rank adaptations help. We compare low-rank adaptation with quantization.",
    );
    expect(tags).toEqual([{ topicId: 1, weight: 5 }]);
  });
});
