// The scheduled fetch's log: one row per source and run.

export interface FetchOutcome {
  status: "ok" | "failed";
  added: number;
  merged: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}

export interface FetchLogStore {
  /** Records a fetch as running; returns its id. */
  start(source: string, at: Date): Promise<number>;
  finish(id: number, at: Date, outcome: FetchOutcome): Promise<void>;
}
