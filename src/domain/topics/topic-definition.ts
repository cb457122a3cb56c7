// A topic as extraction defines it: a display label, the variant spellings that count as mentions,
// and a URL slug. Labels read like the corpus writes them ("Low-rank adaptation", "LoRA").
import { foldWord } from "@/domain/search/text-words";
import { phraseKey } from "./phrase-tokens";

export interface TopicDefinition {
  /** Stem key of the label: topics with equal keys are the same topic across recomputations. */
  key: string;
  label: string;
  /** Other spellings counted as mentions: acronyms, hyphenation, plural/singular, compounds. */
  aliases: string[];
}

const MAX_ALIASES = 6;

/** Picks the label (the known variant's first form, else the commonest spelling) and the distinct aliases. */
export function pickLabel(
  surfaces: ReadonlyMap<string, number>,
  known?: readonly string[],
): { label: string; aliases: string[] } {
  const byForm = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const [surface, count] of surfaces) {
    const form = displayForm(surface);
    const entry = byForm.get(form.toLowerCase()) ?? { count: 0, spellings: new Map() };
    entry.count += count;
    entry.spellings.set(form, (entry.spellings.get(form) ?? 0) + count);
    byForm.set(form.toLowerCase(), entry);
  }
  const ranked = [...byForm.values()]
    .sort((a, b) => b.count - a.count)
    .map((e) => [...e.spellings].sort((a, b) => b[1] - a[1])[0]![0]);
  // Multi-word spellings name a topic better than an acronym ("Mixture of experts" over "MoE").
  const candidates = [...(known ?? []), ...ranked];
  const label = capitalise(candidates.find((c) => c.includes(" ") || c.includes("-")) ?? candidates[0] ?? "");
  // A spelling with the same stems as one already kept ("networks" / "network") adds nothing.
  const keys = new Set([phraseKey(label)]);
  const aliases: string[] = [];
  for (const spelling of candidates) {
    const key = phraseKey(spelling);
    if (key === "" || keys.has(key)) continue;
    keys.add(key);
    aliases.push(spelling);
    if (aliases.length >= MAX_ALIASES) break;
  }
  return { label, aliases };
}

/** Acronym-like spellings keep their case ("LoRA"); ordinary words are lower-cased ("Low-Rank" → "low-rank"). */
function displayForm(surface: string): string {
  return surface
    .split(" ")
    .map((w) => (/[A-Z].*[A-Z]/.test(w.replace(/-.*/, "")) && w.length <= 10 ? w : w.toLowerCase()))
    .join(" ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Low-rank adaptation" → "low-rank-adaptation"; empty labels fall back to "topic". */
export function topicSlug(label: string): string {
  const slug = foldWord(label)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "topic";
}
