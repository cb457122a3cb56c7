import { describe, expect, it } from "vitest";
import { ChampionLists } from "../../src/domain/related/champion-lists";
import { RelatedIndex } from "../../src/domain/related/related-index";
import { MIN_RELATED_SCORE, offerEntry, topEntries } from "../../src/domain/related/related-list";
import { paperTermCounts } from "../../src/domain/related/related-terms";
import { cosine, tfidfVector } from "../../src/domain/related/sparse-vector";

describe("paper terms", () => {
  it("stems words, drops function words and numbers, and counts title words twice", () => {
    const counts = paperTermCounts("Low-Rank Adaptation", "The adapters adapt 7 low-rank matrices.");
    expect(counts.get("low")).toBe(3);
    expect(counts.get("adapt")).toBe(4);
    expect(counts.has("the")).toBe(false);
    expect(counts.has("7")).toBe(false);
  });

  it("folds accents, so Schrödinger and Schrodinger are one term", () => {
    expect([...paperTermCounts("Schrödinger bridges", "")].map(([t]) => t)).toEqual([...paperTermCounts("Schrodinger bridges", "")].map(([t]) => t));
  });
});

describe("tf-idf vectors", () => {
  const idf = () => 1;
  it("are unit length and keep only the strongest terms", () => {
    const vector = tfidfVector(new Map([[1, 5], [2, 1], [3, 2]]), idf, 2);
    expect([...vector.terms]).toEqual([1, 3]);
    expect(cosine(vector, vector)).toBeCloseTo(1, 6);
  });

  it("have cosine 0 without shared terms", () => {
    expect(cosine(tfidfVector(new Map([[1, 1]]), idf, 8), tfidfVector(new Map([[2, 1]]), idf, 8))).toBe(0);
  });
});

describe("related lists", () => {
  const list = [1, 2, 3, 4, 5].map((id) => ({ paperId: id, score: 1 - id / 10 }));

  it("take a newcomer that beats the weakest entry, and say when nothing changes", () => {
    expect(offerEntry(list, { paperId: 9, score: 0.85 })?.map((e) => e.paperId)).toEqual([1, 9, 2, 3, 4]);
    expect(offerEntry(list, { paperId: 9, score: 0.4 })).toBeNull();
    expect(offerEntry(list, { paperId: 3, score: 0.7 })).toBeNull();
    expect(offerEntry([], { paperId: 9, score: MIN_RELATED_SCORE / 2 })).toBeNull();
  });

  it("order equal scores by paper id", () => {
    expect(topEntries([{ paperId: 8, score: 0.5 }, { paperId: 3, score: 0.5 }]).map((e) => e.paperId)).toEqual([3, 8]);
  });
});

describe("champion lists", () => {
  it("keep only the strongest documents of a term", () => {
    const lists = new ChampionLists(2);
    lists.add(1, 10, 0.2);
    lists.add(1, 11, 0.9);
    lists.add(1, 12, 0.5);
    expect(lists.postings(1)?.docs).toEqual([11, 12]);
  });
});

describe("the related index", () => {
  const papers = [
    { paperId: 1, title: "Low-rank adaptation of language models", abstract: "LoRA trains low-rank updates of weight matrices." },
    { paperId: 2, title: "Graph neural networks for molecules", abstract: "Message passing predicts molecular properties." },
    { paperId: 3, title: "Quantized low-rank adapters", abstract: "QLoRA finetunes quantized models with low-rank adapters." },
    { paperId: 4, title: "Molecular property prediction with graphs", abstract: "Graph networks and message passing for molecules." },
  ];

  it("links papers on the same subject and offers newcomers to older lists", () => {
    const index = new RelatedIndex();
    index.add(papers.slice(0, 2));
    index.refresh([1, 2]);
    expect(index.listOf(1)).toEqual([]);
    index.add(papers.slice(2));
    const changed = index.refresh([3, 4]);
    expect(index.listOf(1)[0]?.paperId).toBe(3);
    expect(index.listOf(2)[0]?.paperId).toBe(4);
    expect(index.listOf(3)[0]?.paperId).toBe(1);
    expect([...changed].sort()).toEqual([1, 2, 3, 4]);
  });
});
