// Splits text into runs of words that may form a key phrase: punctuation (. , ; : ( ) …) ends a run,
// hyphens and spaces do not, so "low-rank adaptation" and "low rank adaptation" give the same words.
import { stemOf, wordSpans } from "@/domain/search/text-words";

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

/** The text's runs of words (see the file comment). */
export function phraseRuns(text: string): PhraseToken[][] {
  return ASCII_TEXT.test(text) ? asciiPhraseRuns(text) : phraseRunsOfAnyText(text);
}

/** phraseRuns for any text, through the Unicode word pattern. */
export function phraseRunsOfAnyText(text: string): PhraseToken[][] {
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

const ASCII_TEXT = /^[\x00-\x7f]*$/;
const BREAK_CODES = new Set([...'.,;:!?()[]{}"|'].map((c) => c.charCodeAt(0)));
const [HYPHEN, SLASH] = ["-".charCodeAt(0), "/".charCodeAt(0)];

/**
 * phraseRuns for plain ASCII text, the common case, in one pass over character codes: the same runs as
 * phraseRunsOfAnyText (words are [A-Za-z0-9]+ there) without a regex match, gap string and test per word.
 */
function asciiPhraseRuns(text: string): PhraseToken[][] {
  const lower = text.toLowerCase();
  const runs: PhraseToken[][] = [];
  let run: PhraseToken[] = [];
  let previousEnd = 0;
  let gapBreaks = false;
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (!isAsciiWordCode(code)) {
      if (BREAK_CODES.has(code)) gapBreaks = true;
      at++;
      continue;
    }
    const start = at;
    while (at < text.length && isAsciiWordCode(text.charCodeAt(at))) at++;
    if (run.length > 0 && gapBreaks) {
      runs.push(run);
      run = [];
    }
    if (run.length > 0 && start - previousEnd === 1) {
      const gap = text.charCodeAt(previousEnd);
      if (gap === HYPHEN || gap === SLASH) run[run.length - 1]!.joined = true;
    }
    const folded = lower.slice(start, at);
    run.push({ folded, stem: stemOf(folded), start, end: at, joined: false });
    previousEnd = at;
    gapBreaks = false;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** The stem key of a phrase ("Low-Rank Adaptations" → "low rank adapt"): equal keys are one topic. */
export function phraseKey(text: string): string {
  return phraseRuns(text)
    .flat()
    .map((t) => t.stem)
    .join(" ");
}
