// Highlight ranges, abstract snippets and the relevance/trending blend.
import { describe, expect, it } from "vitest";
import { abstractSnippet, highlightRanges } from "../../src/domain/search/highlight";
import { blendedScore, textRelevance, trendFactor } from "../../src/domain/search/relevance-blend";
import { stemOf } from "../../src/domain/search/text-words";
import { NO_SIGNAL_KEY } from "../../src/domain/trending";

const terms = (...words: string[]) => words.map((w) => ({ key: stemOf(w), prefix: false }));

describe("highlights", () => {
  it("marks words whose stem matches, whatever their inflection", () => {
    const title = "Kolmogorov-Arnold Networks for Networking, not Nets";
    expect(highlightRanges(title, terms("network")).map(([a, b]) => title.slice(a, b))).toEqual([
      "Networks",
      "Networking",
    ]);
    expect(highlightRanges(title, [{ key: "kolm", prefix: true }])).toEqual([[0, 10]]);
    expect(highlightRanges(title, [])).toEqual([]);
  });

  it("cuts the snippet around the densest cluster of matches, with ellipses", () => {
    const abstract = `${"Filler words about nothing in particular. ".repeat(12)}Here quantization meets sparsity in one sentence. ${"More filler text. ".repeat(10)}`;
    const snippet = abstractSnippet(abstract, terms("quantization", "sparsity"));
    expect(snippet.text.startsWith("…") && snippet.text.endsWith("…")).toBe(true);
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(["quantization", "sparsity"]);
    expect(snippet.text.length).toBeLessThanOrEqual(245);
  });

  it("starts at the beginning when nothing matches", () => {
    expect(abstractSnippet("Short abstract.", terms("absent"))).toEqual({ text: "Short abstract.", highlights: [] });
  });
});

describe("relevance blend", () => {
  it("lets text relevance dominate and trending break near ties", () => {
    const best = -10;
    expect(textRelevance(-10, best)).toBe(1);
    expect(textRelevance(-9, best)).toBeCloseTo(0.729);
    expect(trendFactor(5, 5)).toBe(1);
    expect(trendFactor(0, 5)).toBeCloseTo(0.5);
    expect(trendFactor(NO_SIGNAL_KEY, 5)).toBe(0);
    // A strong match without signal beats a weak match at the top of trending...
    expect(blendedScore(1, 0)).toBeGreaterThan(blendedScore(textRelevance(-6, best), 1));
    // ...but among near-equal matches the trending one wins.
    expect(blendedScore(textRelevance(-9.8, best), 1)).toBeGreaterThan(blendedScore(1, 0.5));
  });
});
