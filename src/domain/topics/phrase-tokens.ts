// Splits text into runs of words that may form a key phrase: punctuation (. , ; : ( ) …) ends a run,
// hyphens and spaces do not, so "low-rank adaptation" and "low rank adaptation" give the same words.
import { stemOf, wordSpans } from "../search/text-words";

export interface PhraseToken {
  folded: string;
  stem: string;
  start: number;
  end: number;
  /** Joined to the next word by a hyphen or slash ("low-rank"): a phrase may not end here. */
  joined: boolean;
}

const BREAK = /[.,;:!?()[\]{}"“”‘’|]/;
const JOINER = /^[-‐‑/]$/;

export function phraseRuns(text: string): PhraseToken[][] {
  const runs: PhraseToken[][] = [];
  let run: PhraseToken[] = [];
  let previousEnd = 0;
  for (const span of wordSpans(text)) {
    const gap = text.slice(previousEnd, span.start);
    if (run.length > 0 && BREAK.test(gap)) {
      runs.push(run);
      run = [];
    }
    const previous = run.at(-1);
    if (previous && JOINER.test(gap)) previous.joined = true;
    run.push({ folded: span.folded, stem: stemOf(span.folded), start: span.start, end: span.end, joined: false });
    previousEnd = span.end;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The stem key of a phrase ("Low-Rank Adaptations" → "low rank adapt"): equal keys are one topic. */
export function phraseKey(text: string): string {
  return phraseRuns(text).flat().map((t) => t.stem).join(" ");
}
