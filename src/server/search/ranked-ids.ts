// The core of a search, shared by the search page and the digest: plan the words against the warm
// vocabulary (completion, typo correction, variants), then rank the papers with every word, else any word.
import { planQuery, type QueryPlan } from "@/domain/search/query-plan";
import { sanitizeQuery, type SanitizedQuery } from "@/domain/search/sanitize-query";
import type { TermVocabulary } from "@/domain/search/term-vocabulary";
import type { MatchFilter, RankedPage, SearchOrder } from "@/server/store/search";
import type { Store } from "@/server/store/store";

export interface RankedIds {
  plan: QueryPlan;
  page: RankedPage;
}

export async function rankedIds(
  store: Pick<Store, "search">,
  query: Pick<SanitizedQuery, "terms" | "lastTermIsPartial">,
  options: { filter: MatchFilter; order: SearchOrder; limit: number; offset: number; maxMatches?: number },
): Promise<RankedIds> {
  let vocabulary = await store.search.vocabulary(false);
  if (query.terms.some((t) => !vocabulary.has(t))) vocabulary = await store.search.vocabulary(true);
  const plan = planQuery(query.terms, vocabulary, query.lastTermIsPartial);
  const rank = (mode: "all" | "any") => {
    const estimate = estimateMatches(plan, vocabulary, mode);
    return store.search.rankMatches({
      slots: plan.slots,
      mode,
      // A filter to a list of papers bounds the matches: it can never have more than the list.
      estimatedMatches: options.maxMatches === undefined ? estimate : Math.min(estimate, options.maxMatches),
      filter: options.filter,
      order: options.order,
      limit: options.limit,
      offset: options.offset,
    });
  };
  let page = await rank("all");
  // No paper has every word: fall back to papers with any of them (bm25 still prefers those with more).
  if (page.total === 0 && plan.slots.length > 1) page = await rank("any");
  return { plan, page };
}

/** Matches estimated from the vocabulary sample: all words → the rarest slot, any word → the sum. */
function estimateMatches(plan: QueryPlan, vocabulary: TermVocabulary, mode: "all" | "any"): number {
  const perSlot = plan.slots.map((slot) =>
    slot.alternatives.reduce(
      (sum, alt) =>
        sum +
        (alt.prefix
          ? vocabulary.prefixFrequency(alt.words.at(-1)!)
          : Math.min(...alt.words.map((w) => vocabulary.docFrequency(w)))),
      0,
    ),
  );
  const estimate = mode === "all" ? Math.min(...perSlot) : perSlot.reduce((a, b) => a + b, 0);
  return Math.round(estimate * vocabulary.scale);
}

/** Which of these papers a search matches (the digest's test of a saved query against its candidates). */
export async function matchingPaperIds(
  store: Pick<Store, "search">,
  text: string,
  among: readonly number[],
): Promise<Set<number>> {
  const query = sanitizeQuery(text);
  if (query.terms.length === 0 || among.length === 0) return new Set();
  const { page } = await rankedIds(store, query, {
    filter: { since: null, paperIds: among },
    order: "trending",
    limit: among.length,
    offset: 0,
    maxMatches: among.length,
  });
  return new Set(page.ids.map((r) => r.id));
}
