// Single words too generic to follow on their own: no one subscribes to "Rank", "Space" or "Adaptive".
// They stay inside phrases ("low-rank adaptation", "state space models", "mixture of experts"), which is
// where they mean something. Acronyms ("KAN", "MoE", "LoRA") are names, never generic.
import { phraseKey } from "./phrase-tokens";

// Nouns every machine-learning abstract uses about its material, and adjectives that only qualify one.
// Compared by stem, so "neuron" covers "Neurons" and "adapt" covers "Adaptive" and "Adaptation".
const GENERIC_WORDS = `rank representation space neuron approximate approximation sparse visual vision brain
expert composition factual adaptive adaptation network neural data matrix weight memory signal image language
text token gradient loss activation embedding architecture dimension capacity complexity inference
optimization hierarchical robust accurate behavior behaviour component module quality modality head unit system
semantic dynamic dynamics`;

const GENERIC_STEMS: ReadonlySet<string> = new Set(
  GENERIC_WORDS.split(/\s+/)
    .filter(Boolean)
    .map((word) => phraseKey(word)),
);

/**
 * Endings of adjectives ("adaptive", "continuous", "explainable", "hierarchical", "unsupervised"): they
 * qualify a topic, they are not one. A long word ending in -ed is a participle ("structured"), not a noun.
 */
const ADJECTIVE_ENDING = /(?:ive|ous|ful|less|able|ible|ical|\p{L}{5}ed)$/u;

/** Two capitals make a name: "KAN", "MoE", "LoRA", "ReLU". */
const isAcronym = (spelling: string) => (spelling.match(/[A-Z]/g) ?? []).length >= 2;

/**
 * Whether a topic spelled `spelling` would be a generic single word. Phrases (two or more words, a
 * hyphenated compound counting as two) are never generic.
 */
export function isGenericSingleWord(spelling: string): boolean {
  const key = phraseKey(spelling);
  if (key === "" || key.includes(" ") || isAcronym(spelling.trim())) return false;
  return GENERIC_STEMS.has(key) || ADJECTIVE_ENDING.test(spelling.trim().toLowerCase());
}
