// Query sanitising and planning: hostile input becomes plain words; typos, prefixes and variants.
import { describe, expect, it } from "vitest";
import { planQuery } from "../../src/domain/search/query-plan";
import { MAX_QUERY_CHARS, sanitizeQuery } from "../../src/domain/search/sanitize-query";
import { TermVocabulary } from "../../src/domain/search/term-vocabulary";
import { foldedWords } from "../../src/domain/search/text-words";

function vocabularyOf(...docs: string[]): TermVocabulary {
  const vocabulary = new TermVocabulary();
  for (const doc of docs) vocabulary.addDocument(foldedWords(doc));
  return vocabulary;
}

const corpus = vocabularyOf(
  "LoRA finetuning of language models",
  "finetuning with fine tuning",
  "fine tuning of kolmogorov arnold networks",
  "kolmogorov arnold networks",
  "quantization of language models",
  "quantization and finetuning",
  "Mixture of experts",
);

describe("sanitizeQuery", () => {
  it("turns operators, quotes, regex syntax and control characters into separators", () => {
    expect(sanitizeQuery('"lora" AND (moe*) NEAR/3 -kan ^ssm').terms).toEqual([
      "lora",
      "and",
      "moe",
      "near",
      "3",
      "kan",
      "ssm",
    ]);
    expect(sanitizeQuery("'lora !moe =kan |ssm .*+?").terms).toEqual(["lora", "moe", "kan", "ssm"]);
    expect(sanitizeQuery("lo\u0000ra").terms).toEqual(["lo", "ra"]);
  });

  it("folds case and diacritics, keeps non-Latin words, drops emoji and stray marks", () => {
    expect(sanitizeQuery("Padé ÉTUDE").terms).toEqual(["pade", "etude"]);
    expect(sanitizeQuery("שלום عالم").terms).toEqual(["שלום", "عالم"]);
    expect(sanitizeQuery("🙂 \u0301\u0301").terms).toEqual([]);
  });

  it("cuts at 200 characters with a notice, without splitting an emoji", () => {
    const result = sanitizeQuery(`${"🙂".repeat(MAX_QUERY_CHARS - 1)}🙂🙂`);
    expect([...result.text].length).toBe(MAX_QUERY_CHARS);
    expect(result.notice).toMatch(/cut/);
    expect(sanitizeQuery("lora").notice).toBeUndefined();
  });

  it("knows whether the last word is still being typed", () => {
    expect(sanitizeQuery("kolmog").lastTermIsPartial).toBe(true);
    expect(sanitizeQuery("kolmog ").lastTermIsPartial).toBe(false);
  });
});

describe("planQuery", () => {
  it("corrects a misspelt word against the corpus and keeps the typed word as an alternative", () => {
    const plan = planQuery(["lora", "finetunig"], corpus, false);
    expect(plan.correctedQuery).toBe("lora finetuning");
    expect(plan.slots[1]!.alternatives.map((a) => a.words.join(" "))).toEqual(
      expect.arrayContaining(["finetuning", "finetunig"]),
    );
  });

  it("completes the last word as a prefix instead of correcting it", () => {
    const plan = planQuery(["kolmog"], corpus, true);
    expect(plan.slots).toEqual([{ alternatives: [{ words: ["kolmog"], prefix: true }] }]);
    expect(plan.correctedQuery).toBeUndefined();
  });

  it("joins two typed words the corpus also writes as one", () => {
    const plan = planQuery(["fine", "tuning"], corpus, false);
    expect(plan.slots).toHaveLength(1);
    expect(plan.slots[0]!.alternatives.map((a) => a.words.join(" "))).toEqual(["fine tuning", "finetuning"]);
  });

  it("drops function words unless nothing else is left", () => {
    expect(planQuery(["mixture", "of", "experts"], corpus, false).slots).toHaveLength(2);
    expect(planQuery(["of"], corpus, false).slots).toHaveLength(1);
  });
});
