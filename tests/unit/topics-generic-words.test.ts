// Generic single words are not topics on their own; they stay inside phrases; source keywords raise the
// phrases they name.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanLatex } from "../../src/domain/latex";
import { parseTextExport } from "../../src/domain/text-export";
import { extractTopicVocabulary } from "../../src/domain/topics/extract-vocabulary";
import { isGenericSingleWord } from "../../src/domain/topics/generic-words";
import { TopicMatcher } from "../../src/domain/topics/topic-matcher";

const sample = parseTextExport(fs.readFileSync("prisma/sample-papers.txt", "utf8")).map((p) => ({
  title: cleanLatex(p.title),
  abstract: cleanLatex(p.abstract),
}));
const ISSUE_WORDS = ["Rank", "Adaptive", "Space", "Representation", "Neurons", "Approximate"];

describe("isGenericSingleWord", () => {
  it("calls the issue's words and adjectives generic, never phrases or acronyms", () => {
    for (const word of [...ISSUE_WORDS, "Visual", "Hierarchical", "Experts", "Structured", "Explainable"])
      expect(isGenericSingleWord(word), word).toBe(true);
    for (const topic of ["Quantization", "Pruning", "Sparsity", "Attention", "Interpretability", "KAN", "MoE"])
      expect(isGenericSingleWord(topic), topic).toBe(false);
    for (const phrase of ["State space models", "Mixture of experts", "Low-rank", "Low-rank adaptation"])
      expect(isGenericSingleWord(phrase), phrase).toBe(false);
  });
});

describe("the sample's vocabulary", () => {
  // Extracted in both orders: the store reads the newest papers first, and the spellings it samples differ.
  const vocabularies = [extractTopicVocabulary(sample), extractTopicVocabulary([...sample].reverse())];

  it("has none of the generic single words, in either reading order", () => {
    for (const topics of vocabularies) {
      const labels = topics.map((t) => t.label);
      for (const word of ISSUE_WORDS) expect(labels).not.toContain(word);
      expect(labels.filter((label) => isGenericSingleWord(label))).toEqual([]);
    }
  });

  it("keeps the phrases the words live in, and they still tag papers", () => {
    const topics = vocabularies[0]!;
    const labels = topics.map((t) => t.label);
    expect(labels).toEqual(
      expect.arrayContaining(["State space models", "Mixture of experts", "Low-rank adaptation", "Quantization"]),
    );
    const matcher = new TopicMatcher(topics.map((t, id) => ({ id, label: t.label, aliases: t.aliases })));
    const moe = labels.indexOf("Mixture of experts");
    const tagged = sample.filter((p) => matcher.match(p.title, p.abstract).some((m) => m.topicId === moe));
    expect(tagged.length).toBeGreaterThanOrEqual(3);
  });
});

describe("source keywords", () => {
  it("raise the phrases they name: a phrase below the cut enters the vocabulary when papers name it", () => {
    const plain = extractTopicVocabulary(sample, { maxTopics: 40 });
    const all = extractTopicVocabulary(sample, { maxTopics: 300 });
    const outside = all.slice(60).find((t) => t.label.includes(" "))!;
    expect(plain.map((t) => t.label)).not.toContain(outside.label);
    const matcher = new TopicMatcher([{ id: 1, label: outside.label, aliases: outside.aliases }]);
    const withKeywords = sample.map((p) =>
      matcher.match(p.title, p.abstract).length > 0 ? { ...p, keywords: [outside.label.toLowerCase()] } : p,
    );
    const raised = extractTopicVocabulary(withKeywords, { maxTopics: 40 });
    expect(raised.map((t) => t.label)).toContain(outside.label);
  });
});
