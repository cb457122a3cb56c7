// Counts the candidate phrases of a corpus for vocabulary extraction: every 1–3-word phrase that may be a
// topic, with its document and term frequencies and how the corpus spells it.
// A corpus of 2,000 abstracts holds ~100k distinct phrases of which a few thousand occur often enough to
// matter, so phrases are counted under integer ids (a trie over stem ids, in typed arrays) and only the
// frequent ones become strings and objects at the end: building a string key per mention cost seconds.
import { phraseRuns, type PhraseToken } from "./phrase-tokens";
import { FILLER_WORDS, FUNCTION_STOPWORDS, INNER_CONNECTORS } from "./stoplist";

export interface VocabularyDocument {
  title: string;
  abstract: string;
  /** Keywords a source assigned to the paper (they raise the phrases they name). */
  keywords?: readonly string[];
}

export interface PhraseStats {
  readonly df: number;
  readonly tf: number;
  readonly titleDf: number;
  /** The largest df of a frequent phrase one word longer that contains this one. */
  readonly superDf: number;
  /** How the corpus spells the phrase (its first mentions), with counts; built on demand. */
  surfaces(): Map<string, number>;
}

const MAX_PHRASE_WORDS = 3;
/** Hyphenated words count as one word, so a 3-word phrase may hold up to this many tokens. */
const MAX_PHRASE_TOKENS = 6;
/** The first mentions are enough to learn how the corpus spells a phrase. */
const SURFACE_SAMPLE = 20;
const HAS_LETTER = /\p{L}/u;

// What counting needs to know of a word, decided once per distinct word.
const FUNCTION_WORD = 1;
const FILLER_WORD = 2;
const CONNECTOR = 4;
const HAS_LETTER_FLAG = 8;
const SHORT_WORD = 16;

/**
 * Stats of every phrase found in at least `minDf` documents, keyed by its stems joined with spaces, in
 * the order the phrases were first met (later steps break score ties by that order). Rarer phrases are
 * left out: nothing downstream reads them (and they do not count towards a shorter phrase's superDf).
 */
export function countPhrases(docs: readonly VocabularyDocument[], minDf: number): Map<string, PhraseStats> {
  const counter = new PhraseCounter(docs);
  docs.forEach((doc, index) => {
    counter.countText(doc.title, index, true);
    counter.countText(doc.abstract, index, false);
  });
  return counter.frequentPhrases(minDf);
}

class PhraseCounter {
  private readonly wordIds = new Map<string, number>();
  private wordStem = new Int32Array(1024);
  private wordFlags = new Uint8Array(1024);
  private readonly stemIds = new Map<string, number>();
  private readonly stems: string[] = [];
  private readonly trie: ChildTable;

  // Per trie node (a stem sequence; node 0 is the empty phrase).
  private capacity: number;
  private parent: Int32Array;
  private lastStem: Int32Array;
  private depth: Uint8Array;
  private tf: Int32Array;
  private df: Int32Array;
  private titleDf: Int32Array;
  private superDf: Int32Array;
  /** The last document that mentioned the phrase, +1 (0: none yet). */
  private lastDoc: Int32Array;
  /** Which tokens of the first counted mention are joined to the next one by a hyphen. */
  private joinedMask: Uint8Array;
  private firstSurface: Int32Array;
  private lastSurface: Int32Array;
  private nodes = 1;
  /** Counted phrases in the order they were first counted. */
  private readonly counted: number[] = [];

  // Sampled mentions (document*2 + inTitle, start, end, next mention of the same phrase + 1).
  private mentions: Int32Array;
  private mentionCount = 0;

  constructor(private readonly docs: readonly VocabularyDocument[]) {
    // Sized from the text, ~1 phrase per 30 characters and a mention per 9, to grow rarely.
    let characters = 0;
    for (const doc of docs) characters += doc.title.length + doc.abstract.length;
    this.capacity = powerOfTwoAtLeast(characters / 30);
    this.trie = new ChildTable(this.capacity * 2);
    this.parent = new Int32Array(this.capacity);
    this.lastStem = new Int32Array(this.capacity);
    this.depth = new Uint8Array(this.capacity);
    this.tf = new Int32Array(this.capacity);
    this.df = new Int32Array(this.capacity);
    this.titleDf = new Int32Array(this.capacity);
    this.superDf = new Int32Array(this.capacity);
    this.lastDoc = new Int32Array(this.capacity);
    this.joinedMask = new Uint8Array(this.capacity);
    this.firstSurface = new Int32Array(this.capacity);
    this.lastSurface = new Int32Array(this.capacity);
    this.mentions = new Int32Array(4 * powerOfTwoAtLeast(characters / 9));
  }

  countText(text: string, doc: number, inTitle: boolean): void {
    const words: number[] = [];
    for (const run of phraseRuns(text)) {
      words.length = 0;
      for (const token of run) words.push(this.wordId(token));
      for (let i = 0; i < run.length; i++) this.countPhrasesFrom(run, words, i, doc, inTitle);
    }
  }

  /** The phrases that start at token `i`, as extract-vocabulary has always defined them. */
  private countPhrasesFrom(
    run: readonly PhraseToken[],
    words: readonly number[],
    i: number,
    doc: number,
    inTitle: boolean,
  ): void {
    const firstFlags = this.wordFlags[words[i]!]!;
    // A phrase starts and ends on whole hyphenated words ("fine" alone is no part of "fine-tuning"),
    // never on a function word, and its inner function words can only be connectors ("of", "and").
    if ((i > 0 && run[i - 1]!.joined) || firstFlags & FUNCTION_WORD || !(firstFlags & HAS_LETTER_FLAG)) return;
    let node = 0;
    let wordCount = 0;
    let allFiller = true;
    let mask = 0;
    for (let end = i; end < run.length && end < i + MAX_PHRASE_TOKENS; end++) {
      if (end - 1 > i) {
        const innerFlags = this.wordFlags[words[end - 1]!]!;
        if (innerFlags & FUNCTION_WORD && !(innerFlags & CONNECTOR)) break;
      }
      // A fourth word can only lengthen the phrase past MAX_PHRASE_WORDS: stop before giving it a node.
      if (wordCount === MAX_PHRASE_WORDS) break;
      const token = run[end]!;
      const flags = this.wordFlags[words[end]!]!;
      node = this.child(node, this.wordStem[words[end]!]!);
      if (!(flags & (FILLER_WORD | FUNCTION_WORD))) allFiller = false;
      if (token.joined) {
        mask |= 1 << (end - i);
        continue;
      }
      wordCount++;
      if (flags & FUNCTION_WORD || !(flags & HAS_LETTER_FLAG) || allFiller) continue;
      if (end === i && firstFlags & SHORT_WORD) continue;
      this.countMention(node, doc, inTitle, run[i]!.start, token.end, mask);
    }
  }

  private countMention(node: number, doc: number, inTitle: boolean, start: number, end: number, mask: number): void {
    if (this.tf[node] === 0) {
      this.counted.push(node);
      this.joinedMask[node] = mask;
    }
    if (++this.tf[node]! <= SURFACE_SAMPLE) this.sampleMention(node, doc * 2 + (inTitle ? 1 : 0), start, end);
    // Titles are counted before abstracts, so a document's first mention says whether its title has one.
    if (this.lastDoc[node] !== doc + 1) {
      this.lastDoc[node] = doc + 1;
      this.df[node]!++;
      if (inTitle) this.titleDf[node]!++;
    }
  }

  private sampleMention(node: number, where: number, start: number, end: number): void {
    if ((this.mentionCount + 1) * 4 > this.mentions.length)
      this.mentions = grow(this.mentions, this.mentions.length * 2);
    const at = this.mentionCount++;
    this.mentions[at * 4] = where;
    this.mentions[at * 4 + 1] = start;
    this.mentions[at * 4 + 2] = end;
    this.mentions[at * 4 + 3] = 0;
    if (this.firstSurface[node] === 0) this.firstSurface[node] = at + 1;
    else this.mentions[(this.lastSurface[node]! - 1) * 4 + 3] = at + 1;
    this.lastSurface[node] = at + 1;
  }

  frequentPhrases(minDf: number): Map<string, PhraseStats> {
    const frequent = this.counted.filter((node) => this.df[node]! >= minDf);
    for (const node of frequent) this.raiseSuperDf(node);
    const stats = new Map<string, PhraseStats>();
    for (const node of frequent)
      stats.set(
        this.keyOf(node),
        new FrequentPhrase(this, node, this.df[node]!, this.tf[node]!, this.titleDf[node]!, this.superDf[node]!),
      );
    return stats;
  }

  /** Lets the phrase's two sub-phrases one word shorter (without its first, without its last word) know its df. */
  private raiseSuperDf(node: number): void {
    const sizes = wordSizes(this.joinedMask[node]!, this.depth[node]!);
    if (sizes.length < 2) return;
    const path = this.pathOf(node);
    let withoutFirst = 0;
    for (let k = sizes[0]!; k < path.length; k++) {
      withoutFirst = this.trie.get(withoutFirst, path[k]!);
      if (withoutFirst === 0) break;
    }
    let withoutLast = node;
    for (let k = 0; k < sizes[sizes.length - 1]!; k++) withoutLast = this.parent[withoutLast]!;
    for (const sub of [withoutFirst, withoutLast])
      if (sub !== 0) this.superDf[sub] = Math.max(this.superDf[sub]!, this.df[node]!);
  }

  surfacesOf(node: number): Map<string, number> {
    const surfaces = new Map<string, number>();
    for (let at = this.firstSurface[node]!; at !== 0; at = this.mentions[(at - 1) * 4 + 3]!) {
      const where = this.mentions[(at - 1) * 4]!;
      const doc = this.docs[where >> 1]!;
      const surface = (where & 1 ? doc.title : doc.abstract).slice(
        this.mentions[(at - 1) * 4 + 1],
        this.mentions[(at - 1) * 4 + 2],
      );
      surfaces.set(surface, (surfaces.get(surface) ?? 0) + 1);
    }
    return surfaces;
  }

  /** Stem ids of the phrase, first to last. */
  private pathOf(node: number): number[] {
    const path: number[] = [];
    for (let n = node; n !== 0; n = this.parent[n]!) path.push(this.lastStem[n]!);
    return path.reverse();
  }

  private keyOf(node: number): string {
    return this.pathOf(node)
      .map((stem) => this.stems[stem]!)
      .join(" ");
  }

  private wordId(token: PhraseToken): number {
    let id = this.wordIds.get(token.folded);
    if (id !== undefined) return id;
    id = this.wordIds.size;
    this.wordIds.set(token.folded, id);
    if (id >= this.wordStem.length) {
      this.wordStem = grow(this.wordStem, id * 2);
      this.wordFlags = grow(this.wordFlags, id * 2);
    }
    let stem = this.stemIds.get(token.stem);
    if (stem === undefined) {
      stem = this.stems.length;
      this.stems.push(token.stem);
      this.stemIds.set(token.stem, stem);
    }
    this.wordStem[id] = stem;
    const word = token.folded;
    this.wordFlags[id] =
      (FUNCTION_STOPWORDS.has(word) ? FUNCTION_WORD : 0) |
      (FILLER_WORDS.has(word) ? FILLER_WORD : 0) |
      (INNER_CONNECTORS.has(word) ? CONNECTOR : 0) |
      (HAS_LETTER.test(word) ? HAS_LETTER_FLAG : 0) |
      (word.length < 3 ? SHORT_WORD : 0);
    return id;
  }

  private child(node: number, stem: number): number {
    const found = this.trie.get(node, stem);
    if (found !== 0) return found;
    const created = this.nodes++;
    if (created >= this.capacity) this.growNodes();
    this.parent[created] = node;
    this.lastStem[created] = stem;
    this.depth[created] = this.depth[node]! + 1;
    this.trie.set(node, stem, created);
    return created;
  }

  private growNodes(): void {
    this.capacity *= 2;
    this.parent = grow(this.parent, this.capacity);
    this.lastStem = grow(this.lastStem, this.capacity);
    this.depth = grow(this.depth, this.capacity);
    this.tf = grow(this.tf, this.capacity);
    this.df = grow(this.df, this.capacity);
    this.titleDf = grow(this.titleDf, this.capacity);
    this.superDf = grow(this.superDf, this.capacity);
    this.lastDoc = grow(this.lastDoc, this.capacity);
    this.joinedMask = grow(this.joinedMask, this.capacity);
    this.firstSurface = grow(this.firstSurface, this.capacity);
    this.lastSurface = grow(this.lastSurface, this.capacity);
  }
}

class FrequentPhrase implements PhraseStats {
  constructor(
    private readonly counter: PhraseCounter,
    private readonly node: number,
    readonly df: number,
    readonly tf: number,
    readonly titleDf: number,
    readonly superDf: number,
  ) {}

  surfaces(): Map<string, number> {
    return this.counter.surfacesOf(this.node);
  }
}

/** Tokens per word of a phrase of `tokens` tokens, from the mask of tokens joined to the next one. */
function wordSizes(joinedMask: number, tokens: number): number[] {
  const sizes: number[] = [];
  let size = 0;
  for (let k = 0; k < tokens; k++) {
    size++;
    if (!(joinedMask & (1 << k)) || k === tokens - 1) {
      sizes.push(size);
      size = 0;
    }
  }
  return sizes;
}

/** Open-addressing hash table from (node, stem) to child node, in typed arrays (0 = absent). */
class ChildTable {
  private keys: Int32Array;
  private values: Int32Array;
  private used = 0;

  constructor(private size: number) {
    this.keys = new Int32Array(size * 2);
    this.values = new Int32Array(size);
  }

  get(node: number, stem: number): number {
    const mask = this.size - 1;
    for (let slot = hash(node, stem) & mask; ; slot = (slot + 1) & mask) {
      const value = this.values[slot]!;
      if (value === 0 || (this.keys[slot * 2] === node && this.keys[slot * 2 + 1] === stem)) return value;
    }
  }

  set(node: number, stem: number, child: number): void {
    if ((this.used + 1) * 2 > this.size) this.rehash();
    const mask = this.size - 1;
    let slot = hash(node, stem) & mask;
    while (this.values[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot * 2] = node;
    this.keys[slot * 2 + 1] = stem;
    this.values[slot] = child;
    this.used++;
  }

  private rehash(): void {
    const [keys, values] = [this.keys, this.values];
    this.size *= 2;
    this.keys = new Int32Array(this.size * 2);
    this.values = new Int32Array(this.size);
    this.used = 0;
    for (let slot = 0; slot < values.length; slot++)
      if (values[slot] !== 0) this.set(keys[slot * 2]!, keys[slot * 2 + 1]!, values[slot]!);
  }
}

function powerOfTwoAtLeast(n: number): number {
  let power = 1024;
  while (power < n) power *= 2;
  return power;
}

function hash(node: number, stem: number): number {
  let h = Math.imul(node, 0x9e3779b1) + stem;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function grow<T extends Int32Array | Uint8Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
