// The store's one busy policy. Every write that finds the database locked by another connection (this
// process's other connection, or another process: the server beside an import, two digest runs) waits
// its turn the same way: it is retried after a short jittered pause until it succeeds or the limit has
// passed, and then fails with a StoreBusyError that says what happened. Connections keep a busy timeout of
// 0 while they retry, so no wait ever blocks the event loop (which may be the one holding the lock).
// Whole transactions are retried, never single statements: a rolled-back transaction is safe to run again.
import { importTimings } from "@/server/store/step-timings";
import { StoreBusyError } from "@/server/store/store";

/** Long enough for any write transaction of this app (an import batch takes about a second) to finish. */
export const BUSY_LIMIT_MS = 30_000;
const FIRST_DELAY_MS = 1;
const MAX_DELAY_MS = 50;

const BUSY = /database is locked|SQLITE_BUSY|SQLITE_LOCKED|database table is locked/i;

export function isBusyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return BUSY.test(error.message) || BUSY.test(String((error as { code?: unknown }).code ?? ""));
}

/** Runs `attempt` until it does not fail with a busy error, for at most `limitMs`. */
export async function retryWhenBusy<T>(attempt: () => T | Promise<T>, limitMs = BUSY_LIMIT_MS): Promise<T> {
  const started = Date.now();
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= limitMs) throw new StoreBusyError(waited, error);
    }
    // Jitter, so two retrying writers do not collide again.
    const pause = delay * (0.5 + Math.random());
    await new Promise((resolve) => setTimeout(resolve, pause));
    importTimings.add("busy: retry pauses (database locked)", pause);
  }
}
