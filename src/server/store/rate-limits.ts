// Rate-limit windows kept in the database, so every app instance on it counts a client's requests together.
// A fixed window per (scope, key): it starts at the key's first hit and lasts the limit's windowMs; the hit
// after it ends starts a new one. Fixed rather than sliding: one row and one statement per check, and at
// most twice the limit across a window boundary, which is the same bound the in-process limiter had.

export interface RateLimitWindow {
  /** Hits counted in the current window, this one included (refused hits count too). */
  count: number;
  /** When the current window ends. */
  endsAt: Date;
}

export interface RateLimitStore {
  /**
   * Counts one hit for `key` under `scope` at `now`: one atomic upsert, so hits from any number of
   * processes at once are each counted exactly once.
   */
  hit(scope: string, key: string, now: Date, windowMs: number): Promise<RateLimitWindow>;
  /** Deletes the windows that ended at or before `now`; returns how many. */
  sweep(now: Date): Promise<number>;
  /** Forgets every window of `scope` (or of every scope): an operator's reset, and tests. */
  clear(scope?: string): Promise<void>;
}
