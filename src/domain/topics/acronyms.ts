// Finds "long form (ACRONYM)" definitions in text, e.g. "Low-Rank Adaptation (LoRA)", with the
// Schwartz–Hearst rule: the acronym's characters appear in order in the long form, the first one at
// the start of a word. They let extraction merge an acronym and its phrase into one topic.

export interface AcronymDefinition {
  /** As written, without a plural "s": "LoRA", "SSM". */
  acronym: string;
  /** As written: "Low-Rank Adaptation". */
  longForm: string;
}

const DEFINITION = /\(\s*([A-Za-z][A-Za-z0-9-]{1,9}?)(s?)\s*\)/g;
const LOOK_BACK_CHARS = 120;

export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(DEFINITION)) {
    const acronym = match[1]!;
    // An acronym has at least two capitals ("MoE", "KAN"); "(see)" or "(ours)" is not one.
    if ((acronym.match(/[A-Z]/g) ?? []).length < 2) continue;
    const before =
      text
        .slice(Math.max(0, match.index - LOOK_BACK_CHARS), match.index)
        .split(/[.;:!?()[\]]/)
        .at(-1) ?? "";
    const longForm = longFormFor(acronym, before.trimEnd());
    if (longForm) found.push({ acronym, longForm });
  }
  return found;
}

const WORD_CHAR = /[a-z0-9]/;

/** The shortest tail of `before` that spells the acronym, or undefined. */
function longFormFor(acronym: string, before: string): string | undefined {
  const letters = acronym.toLowerCase().replace(/[^a-z0-9]/g, "");
  const text = before.toLowerCase();
  let at = text.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters[s]!;
    while (at >= 0 && (text[at] !== c || (s === 0 && at > 0 && WORD_CHAR.test(text[at - 1]!)))) at--;
    if (at < 0) return undefined;
    at--;
  }
  const start = at + 1;
  const longForm = before.slice(start).trim();
  const words = longForm.split(/[\s-]+/).filter(Boolean);
  // A long form much longer than its acronym is a false match ("... a model (LM)" spanning a sentence).
  if (words.length < 2 || words.length > Math.min(letters.length + 4, letters.length * 2)) return undefined;
  if (longForm.toLowerCase().replace(/[^a-z0-9]/g, "") === letters) return undefined;
  return longForm;
}
