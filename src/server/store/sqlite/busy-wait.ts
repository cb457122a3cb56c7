// Runs synchronous work on the direct SQLite connection without letting SQLite wait for a lock inside the
// call. The Prisma client of this same process may hold the write lock across awaits (an interactive
// transaction, e.g. a vote), and a blocking busy wait would freeze the event loop that has to release it:
// so the busy timeout is 0 for the duration of the work, and a busy database is retried by the busy policy.
import type { Statement } from "better-sqlite3";
import { retryWhenBusy } from "./busy-policy";
import type { Sqlite } from "./direct-connection";

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

/** `work` runs synchronously (all or nothing when it is a transaction) and is retried while the database is busy. */
export function withoutBusyWait<T>(sqlite: Sqlite, work: () => T): Promise<T> {
  return retryWhenBusy(() => {
    // Other users of the shared connection never see the 0: everything between set and restore is synchronous.
    const previous = busyTimeoutPragmas(sqlite).read.get() as number;
    setBusyTimeout(sqlite, 0);
    try {
      return work();
    } finally {
      setBusyTimeout(sqlite, previous);
    }
  });
}
