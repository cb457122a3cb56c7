// Trending signals: votes, views, clicks and imported ranks, folded into each paper's trend key.
import type { SignalKind } from "@/domain/trending";
import type { HistoryPoint } from "@/domain/trend-history";
import type { TrendReason } from "@/domain/trend-reasons";

export interface SignalInput {
  paperId: number;
  kind: SignalKind;
  at: Date;
  weight: number;
  /** Decay anchor; defaults to `at`. An unvote passes its upvote's time so the two cancel exactly. */
  anchorAt?: Date;
  value?: number | null;
  source?: string | null;
}

export interface VoteState {
  votes: number;
  voted: boolean;
}

export type ViewOutcome = "counted" | "already_counted" | "no_paper";

export interface TrendingExplanation {
  score: number;
  /** 1 = the top of the all-time trending order; absent beyond RANK_LIMIT or without any signal. */
  rank?: number;
  reasons: TrendReason[];
}

export interface TrendingStore {
  upvote(paperId: number, visitorId: string, now: Date): Promise<VoteState | null>;
  removeVote(paperId: number, visitorId: string, now: Date): Promise<VoteState | null>;
  voteState(paperId: number, visitorId: string | null): Promise<VoteState | null>;
  votedPaperIds(visitorId: string | null, paperIds: readonly number[]): Promise<Set<number>>;
  /** Each existing paper's current count and whether this visitor upvoted it (what a cached page cannot say). */
  voteStates(visitorId: string, paperIds: readonly number[]): Promise<Map<number, VoteState>>;
  recordView(input: { paperId: number; visitorId: string; now: Date }): Promise<ViewOutcome>;
  recordSignals(signals: readonly SignalInput[]): Promise<void>;
  /** A "click" signal once per (source, paper); returns the paper's slug, null when the paper is gone. */
  recordClickOnce(paperId: number, source: string, now: Date): Promise<string | null>;
  explainTrending(paperIds: number[], now: Date): Promise<Map<number, TrendingExplanation>>;
  /** Each paper's score at the end of each of the last 14 UTC days (docs/trending.md), from its events. */
  trendHistory(paperIds: readonly number[], now: Date): Promise<Map<number, HistoryPoint[]>>;
  /** Rewrites every trend key from the stored events (after the half-life changed); returns how many. */
  rebuildTrendKeys(): Promise<number>;
}
