// The words a paper is compared on: folded, Porter-stemmed words of the clean title and abstract, minus
// function words and bare numbers. Title words count twice, since a title names what the paper is about.
import { foldWord, stemOf } from "@/domain/search/text-words";
import { FUNCTION_STOPWORDS } from "@/domain/topics/stoplist";

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII_TEXT = /^[\x00-\x7f]*$/;
const DIGITS = /^\d+$/;

/** How much one occurrence in the title counts, against 1 in the abstract. */
export const TITLE_WEIGHT = 2;

/**
 * Calls `visit(source, start, end)` for each folded word of a text (lower-cased, diacritics removed): the
 * word is source[start, end), where `source` is the lower-cased text itself or, for words that needed
 * folding, the folded word alone. A caller with a table of known words then need not cut out a string per word.
 */
export function forEachWordSpan(text: string, visit: (source: string, start: number, end: number) => void): void {
  // Most abstracts are plain ASCII: lower-casing once is then enough, and much faster than folding each word.
  // The words are then the runs of [a-z0-9], found by scanning char codes (a regex match per word allocates).
  if (ASCII_TEXT.test(text)) {
    const lower = text.toLowerCase();
    let start = -1;
    for (let i = 0; i < lower.length; i++) {
      const code = lower.charCodeAt(i);
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        visit(lower, start, i);
        start = -1;
      }
    }
    if (start >= 0) visit(lower, start, lower.length);
    return;
  }
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded !== "") visit(folded, 0, folded.length);
  }
}

/** Calls `visit` with each folded word of a text (lower-cased, diacritics removed). */
export function forEachWord(text: string, visit: (folded: string) => void): void {
  forEachWordSpan(text, (source, start, end) => visit(source.slice(start, end)));
}

/** The term a folded word counts as, or null for function words, single letters and bare numbers. */
export function termOfWord(folded: string): string | null {
  if (folded.length < 2 || FUNCTION_STOPWORDS.has(folded) || DIGITS.test(folded)) return null;
  return stemOf(folded);
}

/** Term counts of a paper's title and abstract (clean text, LaTeX already removed). */
export function paperTermCounts(title: string, abstract: string): Map<string, number> {
  const counts = new Map<string, number>();
  const counter = (weight: number) => (folded: string) => {
    const term = termOfWord(folded);
    if (term !== null) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  forEachWord(title, counter(TITLE_WEIGHT));
  forEachWord(abstract, counter(1));
  return counts;
}
