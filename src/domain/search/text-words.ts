// Words as SQLite's unicode61 tokenizer (remove_diacritics 2) sees them, plus the Porter stem its
// porter wrapper indexes, so highlights and vocabulary agree with what the FTS index matched.
import { stemmer } from "stemmer";

export interface WordSpan {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** Lower-cased, diacritics removed. */
  folded: string;
}

const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-cases and strips diacritics (é → e, ﬁ → fi), like unicode61 with remove_diacritics. */
export function foldWord(word: string): string {
  // Most words are plain ASCII: skip the (comparatively slow) Unicode decomposition for them.
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Every word of a text with its position; marks-only runs (stray combining accents) are skipped. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const folded = foldWord(match[0]);
    if (folded !== "") spans.push({ start: match.index, end: match.index + match[0].length, folded });
  }
  return spans;
}

/** Just the folded words, for counting: whole-text folding, several times faster than word by word. */
export function foldedWords(text: string): string[] {
  if (ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem of a folded word, memoised: tagging and highlighting stem the same words over and over. */
export function stemOf(folded: string): string {
  let stem = stemCache.get(folded);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    // Digits and non-Latin words pass through: the stemmer is for English, like SQLite's porter.
    stem = /^[a-z]+$/.test(folded) ? stemmer(folded) : folded;
    stemCache.set(folded, stem);
  }
  return stem;
}
