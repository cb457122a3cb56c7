// From an FTS5 match expression to one ordered page of paper ids. Selective queries (an estimated
// SELECTIVE_MATCHES matches or fewer) are scored by bm25 and ranked exactly; very common ones take the
// bounded plan: the COMMON_CANDIDATES most recent matches, streamed by FTS5 in rowid order, ranked
// among themselves.
import { orderCandidates } from "@/domain/search/relevance-blend";
import { isFiltered, type MatchFilter, type RankedPage } from "@/server/store/search";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { bestMatches, countMatchesUpTo, recentMatches } from "./fts";
import { ENTRIES_PER_ROW, type ScoredMatch } from "./scored-match";

/** Up to this many matches, every match is scored (bm25 over 5,000 rows takes ~10 ms here). */
export const SELECTIVE_MATCHES = 5_000;
/** Candidates of a very common query: the most recent matches. */
export const COMMON_CANDIDATES = 1_500;
/** Totals are counted this far; beyond it the API says "at least". */
export const COUNT_CAP = 10_000;
/**
 * Relevance without filters blends only this many of the best bm25 matches: trending can reorder
 * near-equal matches, never lift one from beyond the first few hundred.
 */
export const BLEND_CANDIDATES = 300;

/** `estimatedMatches` comes from the in-memory vocabulary; it only picks the plan, never the answer. */
export async function rankMatches(
  db: Db,
  match: ScoredMatch,
  estimatedMatches: number,
  filter: MatchFilter,
  sort: "relevance" | "trending" | "new",
  limit: number,
  offset: number,
): Promise<RankedPage> {
  const filtered = isFiltered(filter);
  const selective = estimatedMatches <= SELECTIVE_MATCHES;
  // Unfiltered relevance only needs the best few hundred; everything else ranks the whole candidate set.
  const cap = selective
    ? sort === "relevance" && !filtered
      ? BLEND_CANDIDATES
      : SELECTIVE_MATCHES
    : COMMON_CANDIDATES;
  const found = selective
    ? bestMatches(db, scoreApartIfCheaper(match, estimatedMatches, cap + 1), filter, cap + 1)
    : recentMatches(db, scoreApartIfCheaper(match, estimatedMatches, cap), filter, cap);
  const complete = selective && found.length <= cap;
  const candidates = found.slice(0, cap);
  if (candidates.length === 0) return { ids: [], total: 0, totalIsLowerBound: false };
  const page = orderCandidates(candidates, sort).slice(offset, offset + limit);
  if (complete) return { ids: page, total: candidates.length, totalIsLowerBound: false };
  if (!filtered) {
    const total = countMatchesUpTo(db, match.match, COUNT_CAP);
    return { ids: page, total, totalIsLowerBound: total >= COUNT_CAP };
  }
  return { ids: page, total: candidates.length, totalIsLowerBound: true };
}

/** Scoring apart reads the rows twice: worth it only when the doclists it skips are much longer. */
function scoreApartIfCheaper(match: ScoredMatch, estimatedMatches: number, cap: number): ScoredMatch {
  const rows = Math.min(estimatedMatches, cap);
  return (match.unscoredEntries ?? 0) > ENTRIES_PER_ROW * rows ? match : { match: match.match };
}
