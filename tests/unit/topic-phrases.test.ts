// The fast paths of topic extraction and tagging give the same answers as the plain definitions:
// phrase counting under integer ids, the ASCII tokenizer, and the matcher's trie.
import { describe, expect, it } from "vitest";
import { countPhrases, type VocabularyDocument } from "../../src/domain/topics/phrase-counts";
import { phraseRuns, phraseRunsOfAnyText, type PhraseToken } from "../../src/domain/topics/phrase-tokens";
import { FILLER_WORDS, FUNCTION_STOPWORDS, INNER_CONNECTORS } from "../../src/domain/topics/stoplist";
import { TopicMatcher } from "../../src/domain/topics/topic-matcher";

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function randomSource(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
}

describe("countPhrases", () => {
  const docs = [
    {
      title: "Low-Rank Adaptation of Language Models",
      abstract: "We study low-rank adaptation. Low rank adaptation works; low-rank adaptation again.",
    },
    { title: "Sparse mixture of experts", abstract: "A mixture of experts and low-rank adaptation." },
    { title: "Quantization", abstract: "Low-rank adaptation (LoRA) with quantization of language models." },
  ];
  const stats = countPhrases(docs, 2);

  it("counts documents, mentions and title documents per stem sequence, hyphenated or not", () => {
    const phrase = stats.get("low rank adapt")!;
    expect([phrase.df, phrase.tf, phrase.titleDf]).toEqual([3, 6, 1]);
    expect(Object.fromEntries(phrase.surfaces())).toEqual({
      "Low-Rank Adaptation": 1,
      "low-rank adaptation": 3,
      "Low rank adaptation": 1,
      "Low-rank adaptation": 1,
    });
  });

  it("records the df of the longer phrases that contain a phrase", () => {
    expect(stats.get("low rank")!.superDf).toBe(3);
    expect(stats.get("adapt")!.superDf).toBe(3);
    expect(stats.get("low rank adapt")!.superDf).toBe(0);
  });

  it("keeps only phrases in at least minDf documents, in the order they were first met", () => {
    expect([...stats.keys()]).toEqual(["low rank", "low rank adapt", "adapt", "languag", "languag model"]);
    // In one document only, and "model" alone is filler: neither is a candidate.
    expect(stats.has("mixtur of expert")).toBe(false);
    expect(stats.has("model")).toBe(false);
  });

  it("agrees with the string-keyed definition on random corpora", () => {
    const words = [
      "low",
      "rank",
      "adaptation",
      "adaptations",
      "of",
      "the",
      "mixture",
      "experts",
      "model",
      "models",
      "we",
      "and",
      "for",
      "KAN",
      "GPT-4",
      "2024",
      "fine",
      "tuning",
    ];
    const joins = [" ", " ", " ", "-", "/", ", ", ". ", " (", ") "];
    for (let seed = 1; seed <= 40; seed++) {
      const next = randomSource(seed);
      const text = (length: number) =>
        Array.from({ length }, () => words[next(words.length)]! + joins[next(joins.length)]!).join("");
      const corpus = Array.from({ length: 30 }, () => ({ title: text(1 + next(8)), abstract: text(next(60)) }));
      const minDf = 1 + next(3);
      const expected = countByStringKeys(corpus, minDf);
      const actual = [...countPhrases(corpus, minDf)].map(([key, s]) => [
        key,
        s.df,
        s.tf,
        s.titleDf,
        s.superDf,
        [...s.surfaces()],
      ]);
      expect(actual).toEqual(expected);
    }
  });
});

describe("phraseRuns", () => {
  it("reads ASCII text exactly as the general Unicode tokenizer does", () => {
    const next = randomSource(7);
    const alphabet = "abcXYZ09 -/.,;:!?()[]{}\"|'\n\t_*+=<>@#$%^&~`\\";
    for (let k = 0; k < 20_000; k++) {
      const text = Array.from({ length: next(40) }, () => alphabet[next(alphabet.length)]).join("");
      expect(phraseRuns(text)).toEqual(phraseRunsOfAnyText(text));
    }
  });
});

describe("TopicMatcher", () => {
  it("takes the longest spelling at each position, and a spelling shared by two topics counts for the first", () => {
    const matcher = new TopicMatcher([
      { id: 7, label: "Adaptation", aliases: [] },
      { id: 3, label: "Low-rank adaptation", aliases: [] },
      { id: 5, label: "Low rank adaptations", aliases: ["LoRA"] },
      { id: 9, label: "LoRA", aliases: [] },
    ]);
    expect(matcher.match("LoRA and low-rank adaptation", "Adaptation. Adaptation.")).toEqual([
      { topicId: 3, weight: 3 },
      { topicId: 5, weight: 3 },
      { topicId: 7, weight: 2 },
    ]);
    expect(new TopicMatcher([]).isEmpty).toBe(true);
  });
});

/** The definition countPhrases implements, with a string key per mention (the old, slow way). */
function countByStringKeys(docs: readonly VocabularyDocument[], minDf: number): unknown[] {
  type Entry = {
    df: number;
    tf: number;
    titleDf: number;
    superDf: number;
    sizes: number[];
    surfaces: Map<string, number>;
  };
  const stats = new Map<string, Entry>();
  const hasLetter = (word: string) => /\p{L}/u.test(word);
  for (const doc of docs) {
    const seen = new Map<string, boolean>();
    for (const [text, inTitle] of [
      [doc.title, true],
      [doc.abstract, false],
    ] as const) {
      for (const run of phraseRuns(text)) {
        for (let i = 0; i < run.length; i++) {
          const first = run[i]!;
          if ((i > 0 && run[i - 1]!.joined) || FUNCTION_STOPWORDS.has(first.folded) || !hasLetter(first.folded))
            continue;
          let key = "";
          let words = 0;
          let allFiller = true;
          for (let end = i; end < run.length && end < i + 6; end++) {
            const token = run[end]!;
            const inner = run[end - 1];
            if (end - 1 > i && inner && FUNCTION_STOPWORDS.has(inner.folded) && !INNER_CONNECTORS.has(inner.folded))
              break;
            key = key === "" ? token.stem : `${key} ${token.stem}`;
            if (!FILLER_WORDS.has(token.folded) && !FUNCTION_STOPWORDS.has(token.folded)) allFiller = false;
            if (token.joined) continue;
            if (++words > 3) break;
            if (FUNCTION_STOPWORDS.has(token.folded) || !hasLetter(token.folded) || allFiller) continue;
            if (end === i && first.folded.length < 3) continue;
            let s = stats.get(key);
            if (!s)
              stats.set(
                key,
                (s = { df: 0, tf: 0, titleDf: 0, superDf: 0, sizes: wordSizes(run, i, end), surfaces: new Map() }),
              );
            s.tf++;
            if (s.tf <= 20) {
              const surface = text.slice(first.start, token.end);
              s.surfaces.set(surface, (s.surfaces.get(surface) ?? 0) + 1);
            }
            const seenInTitle = seen.get(key);
            if (seenInTitle === undefined) s.df++;
            if (inTitle && !seenInTitle) s.titleDf++;
            if (!seenInTitle) seen.set(key, inTitle);
          }
        }
      }
    }
  }
  for (const [key, s] of stats) {
    if (s.sizes.length < 2 || s.df < minDf) continue;
    const stems = key.split(" ");
    for (const sub of [stems.slice(s.sizes[0]).join(" "), stems.slice(0, -s.sizes.at(-1)!).join(" ")]) {
      const parent = stats.get(sub);
      if (parent) parent.superDf = Math.max(parent.superDf, s.df);
    }
  }
  return [...stats]
    .filter(([, s]) => s.df >= minDf)
    .map(([key, s]) => [key, s.df, s.tf, s.titleDf, s.superDf, [...s.surfaces]]);
}

function wordSizes(run: readonly PhraseToken[], from: number, to: number): number[] {
  const sizes: number[] = [];
  let size = 0;
  for (let k = from; k <= to; k++) {
    size++;
    if (!run[k]!.joined || k === to) {
      sizes.push(size);
      size = 0;
    }
  }
  return sizes;
}
