// Which part of an FTS5 query bm25 scores. SQLite's bm25 counts each phrase's documents by reading the
// phrase's whole doclist on every query: a word in nearly every paper costs a read of a million entries
// at a million papers, whatever the window or the limit. Such a word adds nothing to the score: bm25
// floors the idf of a phrase in half the documents or more at 1e-6. So when every word of a slot is in
// at least FLOORED_SHARE of the papers (by the vocabulary's sample, with a margin over one half), the
// slot still selects the matches but is left out of the expression bm25 scores.
import type { QuerySlot } from "@/domain/search/query-plan";
import type { TermVocabulary } from "@/domain/search/term-vocabulary";
import { matchExpression } from "./fts";

/** A word in at least this share of the sampled papers is taken to be in half of all papers or more. */
export const FLOORED_SHARE = 0.6;

export interface ScoredMatch {
  /** What a paper must match. */
  match: string;
  /** What bm25 scores, when it differs from `match` (only some slots of an all-words query). */
  scored?: string;
  /** Estimated doclist entries bm25 would read for the slots left out of `scored`. */
  unscoredEntries?: number;
}

/**
 * Scoring apart reads each match twice (once to select it, once to score it). Producing a matching
 * row costs about as much as reading this many doclist entries (measured at 100k papers: ~0.1 µs an
 * entry, 5–7 µs a row with its join and bm25), so scoring apart pays only when the doclists left unread
 * are this much longer than the rows read twice.
 */
export const ENTRIES_PER_ROW = 50;

const isFloored = (slot: QuerySlot, vocabulary: TermVocabulary) =>
  slot.alternatives.every(
    (alt) => !alt.prefix && alt.words.length === 1 && vocabulary.documentShare(alt.words[0]!) >= FLOORED_SHARE,
  );

export function scoredMatch(slots: readonly QuerySlot[], mode: "all" | "any", vocabulary: TermVocabulary): ScoredMatch {
  const match = matchExpression(slots, mode);
  if (mode !== "all") return { match };
  const scored = slots.filter((slot) => !isFloored(slot, vocabulary));
  // Nothing floored: one expression. Everything floored: bm25 still orders by term frequencies.
  if (scored.length === slots.length || scored.length === 0) return { match };
  const unscoredEntries = slots
    .filter((slot) => !scored.includes(slot))
    .reduce(
      (sum, slot) => sum + Math.max(...slot.alternatives.map((alt) => vocabulary.docFrequency(alt.words[0]!))),
      0,
    );
  return {
    match,
    scored: matchExpression(scored, "all"),
    unscoredEntries: Math.round(unscoredEntries * vocabulary.scale),
  };
}
