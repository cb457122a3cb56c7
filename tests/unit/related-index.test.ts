import { describe, expect, it } from "vitest";
import { ChampionLists } from "../../src/domain/related/champion-lists";
import { RelatedIndex } from "../../src/domain/related/related-index";
import { MIN_RELATED_SCORE, offerEntry, topEntries, type RelatedEntry } from "../../src/domain/related/related-list";
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
    expect([...paperTermCounts("Schrödinger bridges", "")].map(([t]) => t)).toEqual(
      [...paperTermCounts("Schrodinger bridges", "")].map(([t]) => t),
    );
  });
});

describe("tf-idf vectors", () => {
  const idf = () => 1;
  it("are unit length and keep only the strongest terms", () => {
    const vector = tfidfVector(
      new Map([
        [1, 5],
        [2, 1],
        [3, 2],
      ]),
      idf,
      2,
    );
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
    expect(
      topEntries([
        { paperId: 8, score: 0.5 },
        { paperId: 3, score: 0.5 },
      ]).map((e) => e.paperId),
    ).toEqual([3, 8]);
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
    {
      paperId: 1,
      title: "Low-rank adaptation of language models",
      abstract: "LoRA trains low-rank updates of weight matrices.",
    },
    {
      paperId: 2,
      title: "Graph neural networks for molecules",
      abstract: "Message passing predicts molecular properties.",
    },
    {
      paperId: 3,
      title: "Quantized low-rank adapters",
      abstract: "QLoRA finetunes quantized models with low-rank adapters.",
    },
    {
      paperId: 4,
      title: "Molecular property prediction with graphs",
      abstract: "Graph networks and message passing for molecules.",
    },
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

describe("the related index against a brute-force computation", () => {
  // 21 papers of at most 8 distinct terms: every paper sharing a term with a new one is then among its
  // candidates, so the index must give exactly the lists an all-pairs comparison gives.
  const WORDS = "alpha beta gamma delta kernel sparse graph tensor prior noise signal vision robot audio".split(" ");
  function corpus(count: number) {
    let state = 7;
    const word = () => WORDS[(state = (state * 1_103_515_245 + 12_345) >>> 0) % WORDS.length]!;
    return Array.from({ length: count }, (_, i) => ({
      paperId: 3 * i + 1,
      title: `${word()} ${word()}`,
      abstract: Array.from({ length: 6 }, word).join(" "),
    }));
  }

  it("gives each paper the best five by cosine, added in batches that grow its arrays", () => {
    const papers = corpus(21);
    const index = new RelatedIndex();
    // The reference: tf-idf vectors weighted with the document frequencies after each batch (as the index
    // does), each new paper compared with every other, its list merged with the offers it already had,
    // and offered to every paper it shares a term with.
    const termIds = new Map<string, number>();
    const documentFrequency = new Map<number, number>();
    const vectors = new Map<number, ReturnType<typeof tfidfVector>>();
    const expected = new Map<number, RelatedEntry[]>();
    for (let start = 0; start < papers.length; start += 4) {
      const batch = papers.slice(start, start + 4);
      index.add(batch);
      index.refresh(batch.map((p) => p.paperId));

      const batchCounts = batch.map((paper) => {
        const counts = new Map<number, number>();
        for (const [term, count] of paperTermCounts(paper.title, paper.abstract)) {
          const id = termIds.get(term) ?? termIds.size;
          termIds.set(term, id);
          counts.set(id, count);
          documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
        }
        return counts;
      });
      const total = start + batch.length;
      const idf = (term: number) => Math.log((total + 1) / (documentFrequency.get(term)! + 1)) + 1;
      batch.forEach((paper, i) => vectors.set(paper.paperId, tfidfVector(batchCounts[i]!, idf, 32)));
      for (const paper of batch) {
        const neighbours = [...vectors]
          .filter(([id]) => id !== paper.paperId)
          .map(([id, vector]) => ({ paperId: id, score: cosine(vectors.get(paper.paperId)!, vector) }))
          .filter((n) => n.score > 0);
        const offered = (expected.get(paper.paperId) ?? []).filter(
          (e) => !neighbours.some((n) => n.paperId === e.paperId),
        );
        expected.set(paper.paperId, topEntries([...neighbours, ...offered]));
        for (const neighbour of neighbours) {
          const next = offerEntry(expected.get(neighbour.paperId) ?? [], {
            paperId: paper.paperId,
            score: neighbour.score,
          });
          if (next) expected.set(neighbour.paperId, next);
        }
      }
    }
    expect(papers.filter((p) => index.listOf(p.paperId).length === 5).length).toBeGreaterThan(10);
    for (const paper of papers) expect(index.listOf(paper.paperId)).toEqual(expected.get(paper.paperId));
  });
});
