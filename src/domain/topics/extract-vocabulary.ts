// Derives the topic vocabulary of a corpus: tf-idf over 1–3-word phrases (titles count double),
// a stoplist, dropping fragments of longer phrases, and merging variants (acronym definitions found
// in the text, a short table of known variants, and spellings with equal Porter stems).
import { findAcronymDefinitions } from "./acronyms";
import { isGenericSingleWord } from "./generic-words";
import { KNOWN_VARIANTS } from "./known-variants";
import { countPhrases, type VocabularyDocument } from "./phrase-counts";
import { phraseKey } from "./phrase-tokens";
import { pickLabel, type TopicDefinition } from "./topic-definition";

export type { VocabularyDocument } from "./phrase-counts";

export interface ExtractionOptions {
  maxTopics?: number;
  /** Minimum number of papers a phrase must occur in. */
  minDocFrequency?: number;
  /** Phrases in a larger share of papers than this are too generic to be topics. */
  maxDocRatio?: number;
  /** Receives one line per ranked topic, for tuning. */
  debug?: (line: string) => void;
}

// Phrases name topics better than single words; among single words, long ones are the specific
// terms ("quantization", "interpretability") and short ones the generic ("image", "space").
const PHRASE_BOOST = [0, 0, 1.6, 1.9];
const MIN_TITLE_SHARE_FOR_WORD = 0.2;
const singleWordBoost = (word: string) => Math.min(1, 0.45 + 0.035 * word.length);
/** Mentions per paper, capped: a topic's papers repeat it ("KAN ... KAN ... KAN"), generic words do not. */
const MAX_BURSTINESS = 3;
/** Above 1, rarer phrases gain over common ones: a corpus's niches are its topics. */
const IDF_POWER = 1.5;
/**
 * A phrase that sources name as a keyword of the papers using it (Hugging Face's ai_keywords) counts up to
 * this much more: someone read those papers and picked it, where the text only mentions it.
 */
const KEYWORD_BOOST = 1;

/** Papers naming each phrase (by key) among their keywords. */
function keywordCounts(docs: readonly VocabularyDocument[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const key of new Set((doc.keywords ?? []).map(phraseKey)))
      if (key !== "") counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function extractTopicVocabulary(
  docs: readonly VocabularyDocument[],
  options: ExtractionOptions = {},
): TopicDefinition[] {
  const n = docs.length;
  if (n === 0) return [];
  const minDf = options.minDocFrequency ?? Math.max(3, Math.ceil(n * 0.002));
  const maxDf = n * (options.maxDocRatio ?? 0.3);
  const maxTopics = options.maxTopics ?? Math.min(300, 100 + Math.floor(n / 100));
  const stats = countPhrases(docs, minDf);
  const keywords = keywordCounts(docs);
  const scored = new Map<string, number>();
  for (const [key, s] of stats) {
    if (s.df < minDf || s.df > maxDf || s.superDf >= 0.75 * s.df) continue;
    // Short single words are topics only as acronyms ("KAN", "MoE"), never as plain words ("pre", "non").
    if (!key.includes(" ") && key.length < 4 && !looksLikeAcronym(s.surfaces())) continue;
    const burstiness = Math.min(MAX_BURSTINESS, s.tf / s.df);
    const words = key.split(" ").length;
    const named = Math.min(1, (keywords.get(key) ?? 0) / s.df);
    // A single word is a topic only if papers put it in their titles (or sources name it as their keyword),
    // not just use it in passing, and never when it is a generic word (generic-words.ts).
    if (words === 1 && s.titleDf < MIN_TITLE_SHARE_FOR_WORD * s.df && named === 0) continue;
    if (words === 1 && isGenericSingleWord(pickLabel(s.surfaces()).label)) continue;
    const boost = words === 1 ? singleWordBoost(key) : (PHRASE_BOOST[Math.min(3, words)] ?? 1);
    const keywordBoost = 1 + KEYWORD_BOOST * named;
    scored.set(key, (s.df + 2 * s.titleDf) * Math.log(n / s.df) ** IDF_POWER * burstiness * boost * keywordBoost);
  }
  const groups = mergeVariants(scored, docs)
    .sort((a, b) => b.score - a.score)
    .slice(0, maxTopics + (options.debug ? 300 : 0));
  const topics = groups.map((group) => {
    const surfaces = new Map<string, number>();
    for (const key of group.keys)
      for (const [s, c] of stats.get(key)!.surfaces()) surfaces.set(s, (surfaces.get(s) ?? 0) + c);
    const { label, aliases } = pickLabel(surfaces, group.known);
    return { key: phraseKey(label), label, aliases };
  });
  if (options.debug)
    topics.forEach((t, i) =>
      options.debug!(`${i + 1} ${groups[i]!.score.toFixed(1)} ${t.label} | ${t.aliases.join(", ")}`),
    );
  return topics.slice(0, maxTopics);
}

function looksLikeAcronym(surfaces: Map<string, number>): boolean {
  let upper = 0;
  let total = 0;
  for (const [surface, count] of surfaces) {
    total += count;
    if ((surface.match(/[A-Z]/g) ?? []).length >= 2) upper += count;
  }
  return upper * 2 >= total;
}

interface VariantGroup {
  keys: string[];
  score: number;
  known?: readonly string[];
}

/** Groups candidate keys that are variants of one another; each group becomes one topic. */
function mergeVariants(scored: Map<string, number>, docs: readonly VocabularyDocument[]): VariantGroup[] {
  const groupOf = new Map<string, string>([...scored.keys()].map((k) => [k, k]));
  const root = (key: string): string => {
    let k = key;
    while (groupOf.get(k) !== k) k = groupOf.get(k)!;
    return k;
  };
  const join = (a: string, b: string) => {
    if (!groupOf.has(a) || !groupOf.has(b)) return;
    const [ra, rb] = [root(a), root(b)];
    // The longer phrase names the group: "low-rank adaptation" rather than "LoRA".
    if (ra === rb) return;
    if (ra.split(" ").length >= rb.split(" ").length) groupOf.set(rb, ra);
    else groupOf.set(ra, rb);
  };
  const acronymCounts = new Map<string, number>();
  for (const doc of docs) {
    for (const def of findAcronymDefinitions(`${doc.title}. ${doc.abstract}`)) {
      const pair = `${phraseKey(def.acronym)}\u0000${phraseKey(def.longForm)}`;
      acronymCounts.set(pair, (acronymCounts.get(pair) ?? 0) + 1);
    }
  }
  for (const pair of acronymCounts.keys()) {
    const [acronymKey, longKey] = pair.split("\u0000") as [string, string];
    join(longKey, acronymKey);
  }
  const knownByKey = new Map<string, readonly string[]>();
  for (const variants of KNOWN_VARIANTS) {
    const keys = variants.map(phraseKey);
    for (const key of keys) knownByKey.set(key, variants);
    const present = keys.filter((k) => groupOf.has(k));
    for (const key of present.slice(1)) join(present[0]!, key);
  }
  const bySquashed = new Map<string, string>();
  for (const key of scored.keys()) {
    const squashed = key.replace(/ /g, "");
    const other = bySquashed.get(squashed);
    if (other) join(other, key);
    else bySquashed.set(squashed, key);
  }

  const groups = new Map<string, string[]>();
  for (const key of scored.keys()) {
    const group = groups.get(root(key));
    if (group) group.push(key);
    else groups.set(root(key), [key]);
  }
  return [...groups.values()].map((keys) => ({
    keys,
    score: keys.reduce((sum, k) => sum + (scored.get(k) ?? 0), 0),
    known: keys.map((k) => knownByKey.get(k)).find((v) => v !== undefined),
  }));
}
