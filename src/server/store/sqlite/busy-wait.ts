// Runs synchronous work on the direct SQLite connection without letting SQLite wait for a lock inside the
// call. The Prisma client of this same process may hold the write lock across awaits (an interactive
// transaction, e.g. a vote), and a blocking busy wait would freeze the event loop that has to release it:
// so the busy timeout is 0 for the duration of the work, and a busy database is retried after a timer.
import type { Statement } from "better-sqlite3";
import type { Sqlite } from "./direct-connection";

/** Long enough for any write transaction of this app to finish; then the error surfaces. */
export const MAX_BUSY_WAIT_MS = 30_000;
const FIRST_DELAY_MS = 1;
const MAX_DELAY_MS = 50;

const pragmas = new WeakMap<Sqlite, { read: Statement; set: Map<number, Statement> }>();

function busyTimeoutPragmas(sqlite: Sqlite) {
  let found = pragmas.get(sqlite);
  if (!found) pragmas.set(sqlite, (found = { read: sqlite.prepare("PRAGMA busy_timeout").pluck(), set: new Map() }));
  return found;
}

function setBusyTimeout(sqlite: Sqlite, ms: number): void {
  const { set } = busyTimeoutPragmas(sqlite);
  let statement = set.get(ms);
  if (!statement) set.set(ms, (statement = sqlite.prepare(`PRAGMA busy_timeout = ${Math.trunc(ms)}`)));
  statement.run();
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/** `work` runs synchronously (all or nothing when it is a transaction) and is retried while the database is busy. */
export async function withoutBusyWait<T>(sqlite: Sqlite, work: () => T): Promise<T> {
  const started = Date.now();
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    // Other users of the shared connection never see the 0: everything between set and restore is synchronous.
    const previous = busyTimeoutPragmas(sqlite).read.get() as number;
    setBusyTimeout(sqlite, 0);
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > MAX_BUSY_WAIT_MS) throw error;
    } finally {
      setBusyTimeout(sqlite, previous);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
