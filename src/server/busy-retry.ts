// Retries a whole transaction when SQLite reports the database busy. In WAL mode a transaction that read
// first and then writes fails at once (no busy wait) if another connection wrote in between, e.g. the
// digest's direct connection during a run; a rolled-back transaction is safe to run again.

const BUSY = /database is locked|SQLITE_BUSY|database table is locked/i;

export function isBusyError(error: unknown): boolean {
  return (
    error instanceof Error && (BUSY.test(error.message) || BUSY.test(String((error as { code?: unknown }).code ?? "")))
  );
}

export async function retryWhenBusy<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusyError(error) || attempt >= attempts) throw error;
      // Jittered backoff: 10, 20, 40 ... ms, so two retrying writers do not collide again.
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}
