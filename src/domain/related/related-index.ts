// The in-memory tf-idf index behind "related papers". Each paper is a unit vector of its strongest terms;
// its neighbours are found through champion lists (a bounded candidate set) and then scored exactly by
// cosine. Adding a paper computes its own list and offers it to its neighbours' lists, so older papers
// learn about newer ones without any all-pairs pass.
import { ChampionLists } from "./champion-lists";
import {
  compareEntries,
  MIN_RELATED_SCORE,
  offerEntry,
  RELATED_LIST_SIZE,
  topEntries,
  type RelatedEntry,
} from "./related-list";
import { grown } from "./grown";
import { inverseDocumentFrequency, SignatureWriter, tfidfVector, type SparseVector } from "./sparse-vector";
import { TermCounter } from "./term-counter";

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

export class RelatedIndex {
  private readonly terms = new TermCounter();
  private readonly champions = new ChampionLists(CHAMPION_CAP);
  private readonly paperIds: number[] = [];
  private readonly docOf = new Map<number, number>();
  /**
   * Each paper's list in RELATED_LIST_SIZE slots from `doc * RELATED_LIST_SIZE`, `listSize[doc]` of them used.
   * An array of entry objects per paper made the whole index 122 MB at 100k synthetic papers, these 78 MB:
   * a million papers' ingest keeps about 440 MB less.
   */
  private listPapers = new Int32Array(0);
  private listScores = new Float64Array(0);
  private listSize = new Uint8Array(0);
  // Typed arrays indexed by term id or document number, grown by doubling (grown.ts).
  /** Papers per term. */
  private documentFrequency = new Int32Array(1024);
  /** The weights of the paper whose candidates are being scored, by term (zero between papers). */
  private queryWeights = new Float64Array(1024);
  /** Each paper's signature in SIGNATURE_TERMS slots from `doc * SIGNATURE_TERMS`, `signatureSize[doc]` of them used. */
  private signatures: SparseVector = {
    terms: new Int32Array(0),
    weights: new Float32Array(0),
    strongest: new Uint8Array(0),
  };
  private signatureSize = new Uint8Array(0);
  private readonly signatureWriter = new SignatureWriter();
  private scores = new Float64Array(1024);
  private readonly touched = new Int32Array(QUERY_TERMS * CHAMPION_CAP);
  private readonly candidates = new Int32Array(EXACT_CANDIDATES);
  private readonly candidateScores = new Float64Array(EXACT_CANDIDATES);
  /** The highest paper id in the index: papers above it arrived since. */
  maxPaperId = 0;

  get size(): number {
    return this.paperIds.length;
  }

  /** Adds papers: their terms count into the document frequencies first, then their vectors are filed. */
  add(documents: readonly RelatedDocument[]): void {
    const fresh = documents.filter((d) => !this.docOf.has(d.paperId));
    // Each fresh paper's distinct terms and their counts, flat: paper i holds [offsets[i], offsets[i + 1]).
    const offsets = new Int32Array(fresh.length + 1);
    let terms = new Int32Array(fresh.length * 64 + 256);
    let counts = new Int32Array(terms.length);
    for (let i = 0; i < fresh.length; i++) {
      const distinct = this.terms.count(fresh[i]!.title, fresh[i]!.abstract);
      this.reserveTerms(this.terms.termCount);
      const from = offsets[i]!;
      if (from + distinct > terms.length)
        [terms, counts] = [grown(terms, from + distinct), grown(counts, from + distinct)];
      for (let k = 0; k < distinct; k++) {
        const term = this.terms.termAt(k);
        terms[from + k] = term;
        counts[from + k] = this.terms.countAt(k);
        this.documentFrequency[term]!++;
      }
      offsets[i + 1] = from + distinct;
    }
    const total = this.paperIds.length + fresh.length;
    const idf = (term: number) => inverseDocumentFrequency(this.documentFrequency[term]!, total);
    this.reserveDocuments(total);
    const { terms: signatureTerms, weights: signatureWeights } = this.signatures;
    for (let i = 0; i < fresh.length; i++) {
      const { paperId } = fresh[i]!;
      const [from, to] = [offsets[i]!, offsets[i + 1]!];
      const doc = this.paperIds.length;
      const base = doc * SIGNATURE_TERMS;
      const kept = this.signatureWriter.write(
        terms.subarray(from, to),
        counts.subarray(from, to),
        to - from,
        idf,
        SIGNATURE_TERMS,
        this.signatures,
        base,
      );
      this.signatureSize[doc] = kept;
      this.paperIds.push(paperId);
      this.docOf.set(paperId, doc);
      for (let k = base; k < base + kept; k++) this.champions.add(signatureTerms[k]!, doc, signatureWeights[k]!);
      if (paperId > this.maxPaperId) this.maxPaperId = paperId;
    }
  }

  /**
   * The papers most similar to a pasted text, best first: its tf-idf vector (the corpus's terms and weights)
   * against every paper's signature, exactly. Scores below MIN_RELATED_SCORE are left out.
   */
  similarTo(text: string, limit: number): RelatedEntry[] {
    const distinct = this.terms.countKnown(text);
    if (distinct === 0) return [];
    const counts = new Map<number, number>();
    for (let k = 0; k < distinct; k++) counts.set(this.terms.termAt(k), this.terms.countAt(k));
    const idf = (term: number) => inverseDocumentFrequency(this.documentFrequency[term]!, this.paperIds.length);
    const query = tfidfVector(counts, idf, SIGNATURE_TERMS);
    const queryWeights = this.queryWeights;
    query.terms.forEach((term, i) => (queryWeights[term] = query.weights[i]!));
    const { terms, weights } = this.signatures;
    const scored: RelatedEntry[] = [];
    for (let doc = 0; doc < this.paperIds.length; doc++) {
      const from = doc * SIGNATURE_TERMS;
      const to = from + this.signatureSize[doc]!;
      let dot = 0;
      for (let k = from; k < to; k++) dot += queryWeights[terms[k]!]! * weights[k]!;
      if (dot >= MIN_RELATED_SCORE) scored.push({ paperId: this.paperIds[doc]!, score: dot });
    }
    for (const term of query.terms) queryWeights[term] = 0;
    return scored.sort(compareEntries).slice(0, limit);
  }

  /** The stored list of a paper in the index, as loaded from the database (strongest first). */
  setList(paperId: number, entries: readonly RelatedEntry[]): void {
    const doc = this.docOf.get(paperId);
    if (doc === undefined) return;
    const size = Math.min(entries.length, RELATED_LIST_SIZE);
    for (let i = 0; i < size; i++) {
      this.listPapers[doc * RELATED_LIST_SIZE + i] = entries[i]!.paperId;
      this.listScores[doc * RELATED_LIST_SIZE + i] = entries[i]!.score;
    }
    this.listSize[doc] = size;
  }

  listOf(paperId: number): RelatedEntry[] {
    const doc = this.docOf.get(paperId);
    if (doc === undefined) return [];
    const entries: RelatedEntry[] = [];
    for (let i = doc * RELATED_LIST_SIZE; i < doc * RELATED_LIST_SIZE + this.listSize[doc]!; i++)
      entries.push({ paperId: this.listPapers[i]!, score: this.listScores[i]! });
    return entries;
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
      const count = this.neighbours(doc);
      this.setList(paperId, this.ownList(paperId, count));
      changed.add(paperId);
      for (let c = 0; c < count; c++) {
        const score = this.candidateScores[c]!;
        if (score < MIN_RELATED_SCORE) continue; // (offerEntry would refuse it too)
        const neighbourId = this.paperIds[this.candidates[c]!]!;
        const next = offerEntry(this.listOf(neighbourId), { paperId, score });
        if (next) {
          this.setList(neighbourId, next);
          changed.add(neighbourId);
        }
      }
    }
    return changed;
  }

  /** A paper's list from its `count` neighbours (just computed) and the offers already made to it (by papers refreshed before it). */
  private ownList(paperId: number, count: number): RelatedEntry[] {
    const entries: RelatedEntry[] = [];
    for (let c = 0; c < count; c++)
      entries.push({ paperId: this.paperIds[this.candidates[c]!]!, score: this.candidateScores[c]! });
    for (const known of this.listOf(paperId)) {
      let isNeighbour = false;
      for (let c = 0; c < count && !isNeighbour; c++) isNeighbour = entries[c]!.paperId === known.paperId;
      if (!isNeighbour) entries.push(known);
    }
    return topEntries(entries);
  }

  /**
   * The best EXACT_CANDIDATES other papers for a document, with exact cosine scores, into `candidates`
   * and `candidateScores` (best partial score first); returns how many.
   */
  private neighbours(doc: number): number {
    if (this.scores.length < this.paperIds.length) this.scores = new Float64Array(this.paperIds.length * 2);
    const { scores, touched, candidates, candidateScores } = this;
    const { terms, weights, strongest } = this.signatures;
    const base = doc * SIGNATURE_TERMS;
    const size = this.signatureSize[doc]!;
    let touchedCount = 0;
    for (let q = 0; q < Math.min(QUERY_TERMS, size); q++) {
      const position = base + strongest[base + q]!;
      const postings = this.champions.postings(terms[position]!);
      if (!postings) continue;
      const weight = weights[position]!;
      const { docs, weights: postingWeights } = postings;
      for (let i = 0; i < docs.length; i++) {
        const other = docs[i]!;
        if (other === doc) continue;
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other] = scores[other]! + weight * postingWeights[i]!;
      }
    }
    // The best by partial score (ties: lower document first), by insertion into a sorted buffer: most
    // candidates lose to the weakest kept one at the first comparison.
    let count = 0;
    for (let i = 0; i < touchedCount; i++) {
      const other = touched[i]!;
      const score = scores[other]!;
      let place = count;
      if (count === EXACT_CANDIDATES) {
        const weakest = candidates[count - 1]!;
        if (!(score > scores[weakest]! || (score === scores[weakest] && other < weakest))) continue;
        place = count - 1;
      } else count++;
      for (; place > 0; place--) {
        const before = candidates[place - 1]!;
        if (!(score > scores[before]! || (score === scores[before] && other < before))) break;
        candidates[place] = before;
      }
      candidates[place] = other;
    }
    for (let i = 0; i < touchedCount; i++) scores[touched[i]!] = 0;
    // Exact cosines against this paper's weights spread out by term: each candidate's terms are summed in
    // ascending order, as a merge of the two sorted vectors would (terms it lacks add exactly zero).
    const queryWeights = this.queryWeights;
    for (let k = base; k < base + size; k++) queryWeights[terms[k]!] = weights[k]!;
    for (let c = 0; c < count; c++) {
      const from = candidates[c]! * SIGNATURE_TERMS;
      const to = from + this.signatureSize[candidates[c]!]!;
      let dot = 0;
      for (let k = from; k < to; k++) dot += queryWeights[terms[k]!]! * weights[k]!;
      candidateScores[c] = dot;
    }
    for (let k = base; k < base + size; k++) queryWeights[terms[k]!] = 0;
    return count;
  }

  private reserveTerms(count: number): void {
    if (count <= this.documentFrequency.length) return;
    this.documentFrequency = grown(this.documentFrequency, count);
    this.queryWeights = grown(this.queryWeights, count);
  }

  private reserveDocuments(count: number): void {
    if (count <= this.signatureSize.length) return;
    this.signatureSize = grown(this.signatureSize, count);
    this.listSize = grown(this.listSize, this.signatureSize.length);
    this.listPapers = grown(this.listPapers, this.signatureSize.length * RELATED_LIST_SIZE);
    this.listScores = grown(this.listScores, this.signatureSize.length * RELATED_LIST_SIZE);
    const slots = this.signatureSize.length * SIGNATURE_TERMS;
    const { terms, weights, strongest } = this.signatures;
    this.signatures = {
      terms: grown(terms, slots),
      weights: grown(weights, slots),
      strongest: grown(strongest, slots),
    };
  }
}
