// The scheduled fetch: every configured source in turn, politely paced, each imported through runIngest
// and recorded in FetchLog (time, source, counts, error) so the operator can see what happened.
import type { Store } from "@/server/store/store";
import { fetchSource } from "./fetch-source";
import { defaultFetchPolicy } from "./ingest-settings";
import { RequestPacer, type FetchLike, type FetchPolicy } from "./polite-fetch";
import { runIngest } from "./run-ingest";

export interface ScheduledIngestOptions {
  store: Pick<Store, "papers" | "fetchLog">;
  now: Date;
  halfLifeHours: number;
  sources: readonly string[];
  fetch?: FetchLike;
  /** Pause between requests; defaults to arXiv's 3 s (tests pass less). */
  delayMs?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  /** INGEST_MAX_RESULTS: papers fetched per source at most. */
  maxResults: number;
}

export interface SourceOutcome {
  source: string;
  status: "ok" | "failed";
  pages: number;
  added: number;
  merged: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}

const MAX_ERROR_LENGTH = 1_000;

export async function runScheduledIngest(options: ScheduledIngestOptions): Promise<SourceOutcome[]> {
  const { store, now, sources, halfLifeHours } = options;
  const overrides: Partial<FetchPolicy> = {};
  if (options.fetch) overrides.fetch = options.fetch;
  if (options.delayMs !== undefined) overrides.delayMs = options.delayMs;
  if (options.timeoutMs !== undefined) overrides.timeoutMs = options.timeoutMs;
  if (options.maxAttempts !== undefined) overrides.maxAttempts = options.maxAttempts;
  const policy = defaultFetchPolicy(overrides);
  const pacer = new RequestPacer(policy.delayMs);
  const { maxResults } = options;
  const started = performance.now();
  // Log times are `now` plus the real time elapsed, so a test's fixed clock gives predictable rows.
  const clock = () => new Date(now.getTime() + Math.round(performance.now() - started));

  const outcomes: SourceOutcome[] = [];
  for (const source of sources) {
    const logId = await store.fetchLog.start(source, clock());
    const outcome: SourceOutcome = {
      source,
      status: "ok",
      pages: 0,
      added: 0,
      merged: 0,
      unchanged: 0,
      rejected: 0,
      error: null,
    };
    try {
      const fetched = await fetchSource(source, policy, pacer, maxResults);
      outcome.pages = fetched.pages.length;
      const summary = await runIngest({
        store,
        now,
        halfLifeHours,
        inputs: fetched.pages.map((page) => ({ name: page.url, content: page.content })),
      });
      Object.assign(outcome, {
        added: summary.added,
        merged: summary.merged,
        unchanged: summary.unchanged,
        rejected: summary.rejected.length,
      });
      if (fetched.error) Object.assign(outcome, { status: "failed", error: `stopped paging: ${fetched.error}` });
      if (summary.indexing)
        Object.assign(outcome, {
          status: "failed",
          error: `${summary.indexing.pending} papers stored without topics and related lists yet: ${summary.indexing.error}`,
        });
    } catch (error) {
      Object.assign(outcome, { status: "failed", error: error instanceof Error ? error.message : String(error) });
    }
    const { added, merged, unchanged, rejected, status } = outcome;
    const error = outcome.error?.slice(0, MAX_ERROR_LENGTH) ?? null;
    await store.fetchLog.finish(logId, clock(), { status, added, merged, unchanged, rejected, error });
    outcomes.push(outcome);
  }
  return outcomes;
}
