// Turns whatever a visitor typed into plain search words. Nothing typed is syntax: FTS5 operators,
// fuse.js operators, regex metacharacters, emoji and control bytes either become word separators or
// stay literal letters, so no query can fail.
import { wordSpans } from "./text-words";

export const MAX_QUERY_CHARS = 200;
/** More words than this add nothing but cost: the rest are ignored. */
export const MAX_QUERY_TERMS = 12;

export const QUERY_CUT_NOTICE = `Your search was longer than ${MAX_QUERY_CHARS} characters and was cut.`;

export interface SanitizedQuery {
  /** The query as it will be shown back: control characters removed, cut to the limit, trimmed. */
  text: string;
  /** Distinct folded words, in order. */
  terms: string[];
  /** The visitor is still typing the last word (no trailing space): it may be completed as a prefix. */
  lastTermIsPartial: boolean;
  notice?: string;
}

// C0/C1 controls (NUL included) and lone surrogates cannot be shown or stored meaningfully.
const UNSAFE_CHARS =
  /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function sanitizeQuery(raw: string): SanitizedQuery {
  const cleaned = raw.replace(UNSAFE_CHARS, " ");
  const chars = [...cleaned];
  const cut = chars.length > MAX_QUERY_CHARS;
  const text = (cut ? chars.slice(0, MAX_QUERY_CHARS).join("") : cleaned).replace(/\s+/g, " ").trim();
  const spans = wordSpans(text);
  const terms = [...new Set(spans.map((s) => s.folded))].slice(0, MAX_QUERY_TERMS);
  const last = spans.at(-1);
  return {
    text,
    terms,
    // A cut query never ends mid-word on purpose; otherwise a word touching the end is still being typed.
    lastTermIsPartial: !cut && last !== undefined && last.end === text.length && /[\p{L}\p{N}\p{M}]$/u.test(cleaned),
    ...(cut ? { notice: QUERY_CUT_NOTICE } : {}),
  };
}
