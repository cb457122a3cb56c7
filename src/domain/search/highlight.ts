// Why a result matched: character ranges of matched words in the title, and a short abstract snippet
// centred on the densest cluster of matches. Matching compares Porter stems, like the FTS index does.
import type { HighlightTerm } from "./query-plan";
import { stemOf, wordSpans, type WordSpan } from "./text-words";

export type Range = [number, number];

export interface Snippet {
  text: string;
  highlights: Range[];
}

export const SNIPPET_CHARS = 240;
const LEAD_IN_CHARS = 60;

function matches(span: WordSpan, terms: readonly HighlightTerm[]): string | undefined {
  for (const term of terms) {
    if (term.prefix ? span.folded.startsWith(term.key) : stemOf(span.folded) === term.key) return term.key;
  }
  return undefined;
}

/** [start, end) UTF-16 ranges of every word in `text` that matches a query term. */
export function highlightRanges(text: string, terms: readonly HighlightTerm[]): Range[] {
  if (terms.length === 0) return [];
  return wordSpans(text)
    .filter((span) => matches(span, terms) !== undefined)
    .map((span) => [span.start, span.end]);
}

/**
 * About SNIPPET_CHARS of the abstract around the window holding the most distinct matched terms,
 * cut at word boundaries, with "…" where text was left out; highlight ranges are relative to it.
 */
export function abstractSnippet(abstract: string, terms: readonly HighlightTerm[], maxChars = SNIPPET_CHARS): Snippet {
  const spans = wordSpans(abstract);
  const hits =
    terms.length === 0
      ? []
      : spans.flatMap((span) => {
          const key = matches(span, terms);
          return key === undefined ? [] : [{ span, key }];
        });
  let from = 0;
  if (hits.length > 0 && abstract.length > maxChars) {
    let bestStart = hits[0]!.span.start;
    let bestDistinct = 0;
    for (let i = 0; i < hits.length; i++) {
      const keys = new Set<string>();
      for (let j = i; j < hits.length && hits[j]!.span.end - hits[i]!.span.start <= maxChars - LEAD_IN_CHARS; j++)
        keys.add(hits[j]!.key);
      if (keys.size > bestDistinct) [bestStart, bestDistinct] = [hits[i]!.span.start, keys.size];
    }
    from = Math.max(0, Math.min(bestStart - LEAD_IN_CHARS, abstract.length - maxChars));
  }
  const first = spans.find((span) => span.start >= from);
  const start = from === 0 || !first ? 0 : first.start;
  let end = Math.min(abstract.length, start + maxChars);
  if (end < abstract.length) {
    const last = [...spans].reverse().find((span) => span.end <= end);
    end = last && last.end > start ? last.end : end;
  }
  const prefix = start > 0 ? "…" : "";
  const suffix = end < abstract.length ? "…" : "";
  const highlights: Range[] = hits
    .filter((h) => h.span.start >= start && h.span.end <= end)
    .map((h) => [h.span.start - start + prefix.length, h.span.end - start + prefix.length]);
  return { text: `${prefix}${abstract.slice(start, end).trim()}${suffix}`, highlights };
}
