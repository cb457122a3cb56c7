// The in-memory tf-idf index behind "related papers". Each paper is a unit vector of its strongest terms;
// its neighbours are found through champion lists (a bounded candidate set) and then scored exactly by
// cosine. Adding a paper computes its own list and offers it to its neighbours' lists, so older papers
// learn about newer ones without any all-pairs pass.
import { ChampionLists } from "./champion-lists";
import { offerEntry, topEntries, type RelatedEntry } from "./related-list";
import { forEachWord, termOfWord, TITLE_WEIGHT } from "./related-terms";
import { cosine, inverseDocumentFrequency, tfidfVector, type SparseVector } from "./sparse-vector";

export interface RelatedDocument {
  paperId: number;
  /** Clean (LaTeX-free) title and abstract. */
  title: string;
  abstract: string;
}

/** Terms kept per paper vector. */
export const SIGNATURE_TERMS = 32;
/** A new paper looks for candidates under its strongest terms only. */
export const QUERY_TERMS = 10;
/** Papers kept per term's champion list: the work per new paper is at most QUERY_TERMS × this. */
export const CHAMPION_CAP = 64;
/** Candidates (by their partial score from the champion lists) that get an exact cosine. */
export const EXACT_CANDIDATES = 20;
/** Folded word → term id (-1: not a term) is a cache; past this size it starts over. */
const WORD_CACHE_LIMIT = 500_000;

export class RelatedIndex {
  private readonly termIds = new Map<string, number>();
  private readonly wordTerms = new Map<string, number>();
  private readonly documentFrequency: number[] = [];
  private readonly champions = new ChampionLists(CHAMPION_CAP);
  private readonly paperIds: number[] = [];
  private readonly docOf = new Map<number, number>();
  private readonly vectors: SparseVector[] = [];
  private readonly lists = new Map<number, RelatedEntry[]>();
  private scores = new Float64Array(1024);
  private readonly touched = new Int32Array(QUERY_TERMS * CHAMPION_CAP);
  /** The highest paper id in the index: papers above it arrived since. */
  maxPaperId = 0;

  get size(): number {
    return this.paperIds.length;
  }

  /** Adds papers: their terms count into the document frequencies first, then their vectors are filed. */
  add(documents: readonly RelatedDocument[]): void {
    const fresh = documents.filter((d) => !this.docOf.has(d.paperId)).map((d) => ({ paperId: d.paperId, counts: this.termCounts(d) }));
    for (const { counts } of fresh) for (const term of counts.keys()) this.documentFrequency[term] = (this.documentFrequency[term] ?? 0) + 1;
    const total = this.paperIds.length + fresh.length;
    const idf = (term: number) => inverseDocumentFrequency(this.documentFrequency[term] ?? 0, total);
    for (const { paperId, counts } of fresh) {
      const vector = tfidfVector(counts, idf, SIGNATURE_TERMS);
      const doc = this.paperIds.length;
      this.paperIds.push(paperId);
      this.docOf.set(paperId, doc);
      this.vectors.push(vector);
      for (let i = 0; i < vector.terms.length; i++) this.champions.add(vector.terms[i]!, doc, vector.weights[i]!);
      if (paperId > this.maxPaperId) this.maxPaperId = paperId;
    }
  }

  /** The stored list of a paper, as loaded from the database. */
  setList(paperId: number, entries: readonly RelatedEntry[]): void {
    this.lists.set(paperId, [...entries]);
  }

  listOf(paperId: number): readonly RelatedEntry[] {
    return this.lists.get(paperId) ?? [];
  }

  /**
   * Computes the lists of the given (already added) papers and offers each of them to its neighbours'
   * lists. Returns every paper whose list changed.
   */
  refresh(paperIds: readonly number[]): Set<number> {
    const changed = new Set<number>();
    for (const paperId of paperIds) {
      const doc = this.docOf.get(paperId);
      if (doc === undefined) continue;
      const neighbours = this.neighbours(doc);
      // Offers already made to this paper (by papers refreshed before it) keep their place.
      const known = this.listOf(paperId).filter((e) => !neighbours.some((n) => n.paperId === e.paperId));
      this.lists.set(paperId, topEntries([...neighbours, ...known]));
      changed.add(paperId);
      for (const neighbour of neighbours) {
        const next = offerEntry(this.listOf(neighbour.paperId), { paperId, score: neighbour.score });
        if (next) {
          this.lists.set(neighbour.paperId, next);
          changed.add(neighbour.paperId);
        }
      }
    }
    return changed;
  }

  /** The best EXACT_CANDIDATES other papers for a document, with exact cosine scores. */
  private neighbours(doc: number): RelatedEntry[] {
    if (this.scores.length < this.paperIds.length) this.scores = new Float64Array(this.paperIds.length * 2);
    const scores = this.scores;
    const touched = this.touched;
    let touchedCount = 0;
    const vector = this.vectors[doc]!;
    for (const position of vector.strongest.subarray(0, QUERY_TERMS)) {
      const postings = this.champions.postings(vector.terms[position]!);
      if (!postings) continue;
      const weight = vector.weights[position]!;
      const { docs, weights } = postings;
      for (let i = 0; i < docs.length; i++) {
        const other = docs[i]!;
        if (other === doc) continue;
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other] = scores[other]! + weight * weights[i]!;
      }
    }
    const best = bestByScore(touched.subarray(0, touchedCount), scores, EXACT_CANDIDATES);
    for (let i = 0; i < touchedCount; i++) scores[touched[i]!] = 0;
    return best.map((other) => ({ paperId: this.paperIds[other]!, score: cosine(vector, this.vectors[other]!) }));
  }

  private termCounts(document: RelatedDocument): Map<number, number> {
    const counts = new Map<number, number>();
    const counter = (weight: number) => (folded: string) => {
      const term = this.termIdOfWord(folded);
      if (term >= 0) counts.set(term, (counts.get(term) ?? 0) + weight);
    };
    forEachWord(document.title, counter(TITLE_WEIGHT));
    forEachWord(document.abstract, counter(1));
    return counts;
  }

  private termIdOfWord(folded: string): number {
    let id = this.wordTerms.get(folded);
    if (id !== undefined) return id;
    const term = termOfWord(folded);
    id = term === null ? -1 : (this.termIds.get(term) ?? this.termIds.size);
    if (term !== null && id === this.termIds.size) this.termIds.set(term, id);
    if (this.wordTerms.size >= WORD_CACHE_LIMIT) this.wordTerms.clear();
    this.wordTerms.set(folded, id);
    return id;
  }
}

/** The `limit` documents with the highest partial scores (ties: lower document first), without a full sort. */
function bestByScore(docs: Int32Array, scores: Float64Array, limit: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const doc of docs) {
    if (best.length === limit && !better(doc, best[limit - 1]!)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && better(doc, best[at - 1]!)) at--;
    best.splice(at, 0, doc);
    if (best.length > limit) best.pop();
  }
  return best;
}
