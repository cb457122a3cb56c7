// The words a paper is compared on: folded, Porter-stemmed words of the clean title and abstract, minus
// function words and bare numbers. Title words count twice, since a title names what the paper is about.
import { foldWord, stemOf } from "../search/text-words";
import { FUNCTION_STOPWORDS } from "../topics/stoplist";

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const ASCII_TEXT = /^[\x00-\x7f]*$/;
const DIGITS = /^\d+$/;

/** How much one occurrence in the title counts, against 1 in the abstract. */
export const TITLE_WEIGHT = 2;

/** Calls `visit` with each folded word of a text (lower-cased, diacritics removed). */
export function forEachWord(text: string, visit: (folded: string) => void): void {
  // Most abstracts are plain ASCII: lower-casing once is then enough, and much faster than folding each word.
  if (ASCII_TEXT.test(text)) {
    const lower = text.toLowerCase();
    ASCII_WORD.lastIndex = 0;
    for (let match = ASCII_WORD.exec(lower); match; match = ASCII_WORD.exec(lower)) visit(match[0]);
    return;
  }
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded !== "") visit(folded);
  }
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
