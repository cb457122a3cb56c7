// Signals an import carries: the rank on a ranked list and imported upvotes, one observation per paper
// and source per window, so re-importing the same list (or fetching it twice a day) counts once.
import type { NewPaper } from "@/domain/paper";
import { addToTrendKey, importedUpvotesWeight, sourceRankWeight } from "@/domain/trending";
import type { DraftPaper, PaperPlan, StoredPaper } from "./paper-merge-plan";
import type { SignalInput } from "@/server/store/trending";

/** A daily list seen again within this many hours is the same observation, not new attention. */
export const OBSERVATION_WINDOW_HOURS = 20;

export interface SourceObservation {
  rank?: number;
  upvotes?: number;
}

/** "paperId:kind" of the import signals a source recorded for these papers since a time. */
export type RecentObservations = (paperIds: readonly number[], source: string, since: Date) => Set<string>;
type Target = DraftPaper | StoredPaper;

/** The first rank and upvote count each paper of the batch was seen with, minus ones already recorded. */
export function observedSignals(
  recentObservations: RecentObservations,
  plan: PaperPlan,
  papers: readonly NewPaper[],
  { source, now }: { source: string; now: Date },
): Map<Target, SourceObservation> {
  const observations = new Map<Target, SourceObservation>();
  plan.steps.forEach(({ target }, index) => {
    const paper = papers[index]!;
    const seen = observations.get(target) ?? {};
    if (paper.sourceRank != null && seen.rank === undefined) seen.rank = paper.sourceRank;
    if (paper.sourceUpvotes != null && paper.sourceUpvotes > 0 && seen.upvotes === undefined)
      seen.upvotes = paper.sourceUpvotes;
    if (seen.rank !== undefined || seen.upvotes !== undefined) observations.set(target, seen);
  });
  const storedIds = plan.stored.filter((stored) => observations.has(stored)).map((stored) => stored.id);
  if (storedIds.length === 0) return observations;
  const since = new Date(now.getTime() - OBSERVATION_WINDOW_HOURS * 3_600_000);
  const recorded = recentObservations(storedIds, source, since);
  for (const stored of plan.stored) {
    const seen = observations.get(stored);
    if (!seen) continue;
    if (recorded.has(`${stored.id}:source_rank`)) delete seen.rank;
    if (recorded.has(`${stored.id}:hf_upvotes`)) delete seen.upvotes;
  }
  return observations;
}

export function signalsFor(
  paperId: number,
  seen: SourceObservation | undefined,
  { source, now }: { source: string; now: Date },
): SignalInput[] {
  const signals: SignalInput[] = [];
  if (seen?.rank !== undefined) {
    signals.push({
      paperId,
      kind: "source_rank",
      at: now,
      weight: sourceRankWeight(seen.rank),
      value: seen.rank,
      source,
    });
  }
  if (seen?.upvotes !== undefined) {
    signals.push({
      paperId,
      kind: "hf_upvotes",
      at: now,
      weight: importedUpvotesWeight(seen.upvotes),
      value: seen.upvotes,
      source,
    });
  }
  return signals;
}

/** A paper's trend key with these signals folded in, in O(1) each, exactly as recordSignals does. */
export function keyWithSignals(key: number, signals: readonly SignalInput[], halfLifeHours: number): number {
  let folded = key;
  // Import weights are positive, so addToTrendKey never asks for a recomputation (null) here.
  for (const signal of signals)
    folded =
      addToTrendKey(folded, { weight: signal.weight, anchorAt: signal.anchorAt ?? signal.at }, halfLifeHours) ?? folded;
  return folded;
}
