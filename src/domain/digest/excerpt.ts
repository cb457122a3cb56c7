// A 2–3 line excerpt of an abstract: cut at a word boundary, never mid-word.

/** About three lines of a 600 px mail column. */
export const EXCERPT_MAX_CHARS = 280;

export function excerpt(text: string, maxChars = EXCERPT_MAX_CHARS): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars - 1);
  const lastSpace = cut.lastIndexOf(" ");
  // A single very long token (a URL, a formula) is cut hard rather than dropped.
  const head = lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,;:.\-–—]+$/, "")}…`;
}
