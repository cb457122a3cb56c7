// Counts a paper's terms (related-terms.ts) by integer term id, the form the index weighs and stores.
// Folded words map to term ids through a WordTable, so the ~150 words of an abstract are looked up
// where they stand in the lower-cased text, and stemmed only the first time they are seen.
import { grown } from "./grown";
import { forEachWordSpan, termOfWord, TITLE_WEIGHT } from "./related-terms";
import { WordTable } from "./word-table";

/** Folded word → term id (-1: not a term) is a cache; past this size it starts over. */
const WORD_CACHE_LIMIT = 500_000;

export class TermCounter {
  private readonly termIds = new Map<string, number>();
  /** Folded word → term id (-1: not a term). */
  private readonly wordTerms = new WordTable();
  /** Occurrences by term id of the paper being counted (zero between papers). */
  private counts = new Int32Array(1024);
  /** The last counted paper's distinct terms (in order of first occurrence) and their counts. */
  private distinctTerms = new Int32Array(256);
  private distinctCounts = new Int32Array(256);
  private distinct = 0;
  private weight = 1;
  /** While set, words whose term the corpus has never had count as nothing and get no id. */
  private knownOnly = false;

  /** Term ids run from 0 to this (exclusive). */
  get termCount(): number {
    return this.termIds.size;
  }

  /** Counts a paper's title (each word TITLE_WEIGHT times) and abstract; returns how many distinct terms it has. */
  count(title: string, abstract: string): number {
    this.distinct = 0;
    this.weight = TITLE_WEIGHT;
    forEachWordSpan(title, this.countWord);
    this.weight = 1;
    forEachWordSpan(abstract, this.countWord);
    for (let k = 0; k < this.distinct; k++) {
      const term = this.distinctTerms[k]!;
      this.distinctCounts[k] = this.counts[term]!;
      this.counts[term] = 0;
    }
    return this.distinct;
  }

  /**
   * Counts a text that is not a paper (a pasted paragraph) against the corpus's terms only: new words would
   * grow the term table with every request.
   */
  countKnown(text: string): number {
    this.knownOnly = true;
    try {
      return this.count("", text);
    } finally {
      this.knownOnly = false;
    }
  }

  /** The k-th distinct term of the last counted paper. */
  termAt(k: number): number {
    return this.distinctTerms[k]!;
  }

  /** How often the k-th distinct term occurs in the last counted paper (title occurrences weighted). */
  countAt(k: number): number {
    return this.distinctCounts[k]!;
  }

  private readonly countWord = (source: string, start: number, end: number): void => {
    const term = this.termIdOfWord(source, start, end);
    if (term < 0) return;
    if (this.counts[term] === 0) {
      if (this.distinct === this.distinctTerms.length) {
        this.distinctTerms = grown(this.distinctTerms, this.distinct + 1);
        this.distinctCounts = grown(this.distinctCounts, this.distinct + 1);
      }
      this.distinctTerms[this.distinct++] = term;
    }
    this.counts[term] = this.counts[term]! + this.weight;
  };

  /** The term id of the folded word source[start, end), or -1 when it is not a term. */
  private termIdOfWord(source: string, start: number, end: number): number {
    const hash = WordTable.hash(source, start, end);
    let id = this.wordTerms.get(source, start, end, hash);
    if (id !== undefined) return id;
    const folded = source.slice(start, end);
    const term = termOfWord(folded);
    // Not cached: the word may become a term when a paper using it arrives.
    if (this.knownOnly && term !== null && !this.termIds.has(term)) return -1;
    id = term === null ? -1 : (this.termIds.get(term) ?? this.termIds.size);
    if (term !== null && id === this.termIds.size) {
      this.termIds.set(term, id);
      if (id >= this.counts.length) this.counts = grown(this.counts, id + 1);
    }
    if (this.wordTerms.size >= WORD_CACHE_LIMIT) this.wordTerms.clear();
    this.wordTerms.add(folded, hash, id);
    return id;
  }
}
