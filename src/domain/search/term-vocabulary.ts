// The corpus vocabulary in memory: document frequencies for every word, a sorted list for prefix
// completion, and a letter-pair index that narrows typo correction to a few dozen similar words,
// which fuse.js then scores. Words are added incrementally as papers arrive; nothing is rebuilt per query.
import Fuse from "fuse.js";

/** Words seen in fewer documents are kept for lookups but not offered as corrections (mostly noise). */
const MIN_CORRECTION_DF = 2;
/** fuse.js bitap score (≈ edits / length) above which a word is not a plausible correction. */
const MAX_CORRECTION_SCORE = 0.34;
/** Shorter words are too ambiguous to correct ("kan" could be anything). */
export const MIN_CORRECTABLE_LENGTH = 4;
/** Bitap (fuse.js) handles patterns up to 32 characters. */
const MAX_CORRECTABLE_LENGTH = 32;
const MAX_PREFIX_SCAN = 2_000;
const MAX_CANDIDATES = 60;

/** Distinct letter pairs of a word with its boundaries: "lora" → ^l lo or ra a$. */
function letterPairs(word: string): string[] {
  const padded = `^${word}$`;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < padded.length; i++) pairs.add(padded.slice(i, i + 2));
  return [...pairs];
}

export class TermVocabulary {
  private readonly df = new Map<string, number>();
  private sorted: string[] = [];
  /** New words not yet in `sorted`: merged lazily, so a bulk build sorts once instead of splicing. */
  private unsorted: string[] = [];
  /** Correctable words; the index's lists hold their positions here, in the order they became correctable. */
  private readonly correctable: string[] = [];
  /**
   * A letter pair ("^q", "qu", …, "n$") and a word length → positions of the correctable words of that
   * length containing the pair: a correction reads only the lengths it may return, not every word.
   */
  private readonly byPairAndLength = new Map<string, number[]>();
  /** Per correctable word, letter pairs shared with the term being corrected (zeroed after each use). */
  private sharedPairs = new Uint8Array(0);
  /** Per correctable word, the first of the term's pairs it shares (original order of encounter). */
  private firstPair = new Uint8Array(0);

  private documentCount = 0;
  /** Papers in the whole store; the vocabulary may have read only the newest of them. */
  corpusSize = 0;

  get size(): number {
    return this.df.size;
  }

  /** Multiplier from sampled document frequencies to estimated corpus-wide ones. */
  get scale(): number {
    return this.documentCount === 0 ? 1 : Math.max(1, this.corpusSize / this.documentCount);
  }

  /** Counts one document's words (duplicates within the document count once). */
  addDocument(words: readonly string[]): void {
    this.documentCount++;
    const distinct = new Set(words);
    for (const word of distinct) {
      const count = (this.df.get(word) ?? 0) + 1;
      this.df.set(word, count);
      if (count === 1) this.unsorted.push(word);
      if (count === MIN_CORRECTION_DF && word.length <= MAX_CORRECTABLE_LENGTH && /\p{L}/u.test(word))
        this.indexPairs(word);
    }
  }

  docFrequency(word: string): number {
    return this.df.get(word) ?? 0;
  }

  /** The share of the documents read that contain the word, in [0, 1]. */
  documentShare(word: string): number {
    return this.documentCount === 0 ? 0 : this.docFrequency(word) / this.documentCount;
  }

  has(word: string): boolean {
    return this.df.has(word);
  }

  /** The most frequent word starting with `prefix` (other than the prefix itself), if any. */
  completePrefix(prefix: string): string | undefined {
    this.mergeUnsorted();
    let best: string | undefined;
    let bestDf = 0;
    for (let i = lowerBound(this.sorted, prefix), n = 0; i < this.sorted.length && n < MAX_PREFIX_SCAN; i++, n++) {
      const word = this.sorted[i]!;
      if (!word.startsWith(prefix)) break;
      const count = this.docFrequency(word);
      if (word !== prefix && count > bestDf) [best, bestDf] = [word, count];
    }
    return best;
  }

  /** Documents containing some word that starts with `prefix` (an over-estimate: a sum). */
  prefixFrequency(prefix: string): number {
    this.mergeUnsorted();
    let sum = 0;
    for (let i = lowerBound(this.sorted, prefix), n = 0; i < this.sorted.length && n < MAX_PREFIX_SCAN; i++, n++) {
      const word = this.sorted[i]!;
      if (!word.startsWith(prefix)) break;
      sum += this.docFrequency(word);
    }
    return sum;
  }

  /**
   * The likeliest intended word for a misspelt one: fuse.js over words of similar length, the closest
   * match winning, with ties broken towards the more common word and the nearer length.
   */
  correct(term: string): string | undefined {
    if (term.length < MIN_CORRECTABLE_LENGTH || term.length > MAX_CORRECTABLE_LENGTH || !/\p{L}/u.test(term))
      return undefined;
    const spread = term.length >= 7 ? 2 : 1;
    const candidates = this.similarWords(term, spread);
    if (candidates.length === 0) return undefined;
    const fuse = new Fuse(candidates, {
      includeScore: true,
      ignoreLocation: true,
      threshold: MAX_CORRECTION_SCORE,
      isCaseSensitive: true,
    });
    let best: string | undefined;
    let bestCost = Infinity;
    for (const hit of fuse.search(term)) {
      const score = hit.score ?? 1;
      if (hit.item === term || score > MAX_CORRECTION_SCORE) continue;
      // Bitap finds a pattern inside a longer word at no cost, so extra length is charged here.
      const cost =
        score + 0.06 * Math.abs(hit.item.length - term.length) - 0.01 * Math.log10(this.docFrequency(hit.item));
      if (cost < bestCost) [best, bestCost] = [hit.item, cost];
    }
    return best;
  }

  /** Words of similar length sharing most of the term's letter pairs (a typo breaks at most ~4). */
  private similarWords(term: string, spread: number): string[] {
    const pairs = letterPairs(term);
    if (this.sharedPairs.length < this.correctable.length) {
      this.sharedPairs = new Uint8Array(this.correctable.length * 2);
      this.firstPair = new Uint8Array(this.correctable.length * 2);
    }
    const shared = this.sharedPairs;
    const touched: number[] = [];
    pairs.forEach((pair, p) => {
      for (let length = term.length - spread; length <= term.length + spread; length++) {
        for (const id of this.byPairAndLength.get(pair + length) ?? []) {
          if (shared[id] === 0) {
            touched.push(id);
            this.firstPair[id] = p;
          }
          shared[id] = shared[id]! + 1;
        }
      }
    });
    const needed = Math.max(1, pairs.length - 4);
    // Most shared pairs first; ties in the order the pairs were met, then the order words arrived.
    const found = touched
      .filter((id) => shared[id]! >= needed)
      .sort((a, b) => shared[b]! - shared[a]! || this.firstPair[a]! - this.firstPair[b]! || a - b)
      .slice(0, MAX_CANDIDATES)
      .map((id) => this.correctable[id]!);
    for (const id of touched) shared[id] = 0;
    return found;
  }

  private indexPairs(word: string): void {
    const id = this.correctable.push(word) - 1;
    for (const pair of letterPairs(word)) {
      const key = pair + word.length;
      const list = this.byPairAndLength.get(key);
      if (list) list.push(id);
      else this.byPairAndLength.set(key, [id]);
    }
  }

  private mergeUnsorted(): void {
    if (this.unsorted.length === 0) return;
    if (this.unsorted.length > 1_000) {
      this.sorted = [...this.sorted, ...this.unsorted].sort();
    } else {
      for (const word of this.unsorted) this.sorted.splice(lowerBound(this.sorted, word), 0, word);
    }
    this.unsorted = [];
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
