// Plans a search from sanitised words: which words are known, which are completed as a prefix (the
// word still being typed), which are corrected against the corpus vocabulary, and which spelling
// variants (fine-tuning / finetuning) count as the same word. The FTS module turns the plan into SQL.
import { QUERY_STOPWORDS } from "./query-stopwords";
import { stemOf } from "./text-words";

export interface VocabularyLookup {
  has(word: string): boolean;
  docFrequency(word: string): number;
  completePrefix(prefix: string): string | undefined;
  correct(term: string): string | undefined;
}

/** One way to satisfy a slot: a phrase of words, the last one possibly a prefix. */
export interface QueryAlternative {
  words: string[];
  prefix: boolean;
}

/** Every slot must match (AND); within a slot any alternative may (OR). */
export interface QuerySlot {
  alternatives: QueryAlternative[];
}

export interface HighlightTerm {
  /** Porter stem of a matched word, or the typed prefix when `prefix`. */
  key: string;
  prefix: boolean;
}

export interface QueryPlan {
  slots: QuerySlot[];
  highlightTerms: HighlightTerm[];
  /** The query with corrections applied, only when some word was corrected. */
  correctedQuery?: string;
}

const MIN_PREFIX_LENGTH = 2;
const MIN_PART_LENGTH = 3;

export function planQuery(
  terms: readonly string[],
  vocabulary: VocabularyLookup,
  lastTermIsPartial: boolean,
): QueryPlan {
  const content = terms.filter((t) => !QUERY_STOPWORDS.has(t));
  const words = content.length > 0 ? content : [...terms];
  let corrected = false;
  const chosen = words.map((term, index): { word: string; prefix: boolean; typed?: string } => {
    if (vocabulary.has(term)) return { word: term, prefix: false };
    const isLast = index === words.length - 1;
    if (isLast && lastTermIsPartial && term.length >= MIN_PREFIX_LENGTH && vocabulary.completePrefix(term))
      return { word: term, prefix: true };
    const correction = vocabulary.correct(term);
    if (correction) {
      corrected = true;
      // The typed word stays an alternative: the vocabulary may not know every word of older papers.
      return { word: correction, prefix: false, typed: term };
    }
    return { word: term, prefix: false };
  });

  const slots: QuerySlot[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const current = chosen[i]!;
    const next = chosen[i + 1];
    // Two typed words that the corpus also writes as one ("fine tuning" / "finetuning") form one slot.
    if (
      next &&
      !current.prefix &&
      !next.prefix &&
      !current.typed &&
      !next.typed &&
      vocabulary.docFrequency(current.word + next.word) > 0
    ) {
      slots.push({
        alternatives: [
          { words: [current.word, next.word], prefix: false },
          { words: [current.word + next.word], prefix: false },
        ],
      });
      i++;
      continue;
    }
    const alternatives: QueryAlternative[] = [{ words: [current.word], prefix: current.prefix }];
    if (current.typed) alternatives.push({ words: [current.typed], prefix: false });
    const parts = current.prefix ? undefined : splitCompound(current.word, vocabulary);
    if (parts) alternatives.push({ words: parts, prefix: false });
    slots.push({ alternatives });
  }

  const highlightTerms = slots.flatMap((slot) =>
    slot.alternatives.flatMap((alt) =>
      alt.words.map((word, k) =>
        alt.prefix && k === alt.words.length - 1 ? { key: word, prefix: true } : { key: stemOf(word), prefix: false },
      ),
    ),
  );
  return {
    slots,
    highlightTerms,
    ...(corrected
      ? {
          correctedQuery: replaceCorrected(
            terms,
            words,
            chosen.map((c) => c.word),
          ),
        }
      : {}),
  };
}

/** "finetuning" → ["fine", "tuning"] when both halves are commoner in the corpus than the joined word. */
function splitCompound(word: string, vocabulary: VocabularyLookup): string[] | undefined {
  let best: string[] | undefined;
  let bestDf = Math.max(1, vocabulary.docFrequency(word));
  for (let cut = MIN_PART_LENGTH; cut <= word.length - MIN_PART_LENGTH; cut++) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    const df = Math.min(vocabulary.docFrequency(head), vocabulary.docFrequency(tail));
    if (df > bestDf) [best, bestDf] = [[head, tail], df];
  }
  return best;
}

/** The typed words with each corrected word swapped in (stopwords kept, so it reads like the query). */
function replaceCorrected(terms: readonly string[], planned: readonly string[], chosen: readonly string[]): string {
  const replacement = new Map(planned.map((word, i) => [word, chosen[i] ?? word]));
  return terms.map((t) => replacement.get(t) ?? t).join(" ");
}
