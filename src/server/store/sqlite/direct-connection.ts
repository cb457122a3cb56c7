// A direct better-sqlite3 connection to the same database file as a Prisma client, for hot paths
// (bulk writes in jobs and benchmarks) where Prisma's per-statement cost (~0.5 ms) dominates.
// Everything a client needs besides itself (its file, its direct connection, its per-process caches) lives
// on the client object under a registered symbol, never in a module-level map: Next.js bundles a module
// once per router, so a module-level map would hold a different state for each bundle.
import Database from "better-sqlite3";
import type { PrismaClient as Db } from "@/generated/prisma/client";

export type Sqlite = Database.Database;

const STATE = Symbol.for("paper-digest.sqlite-store-state");

interface ClientState {
  file: string;
  busyTimeoutMs: number;
  direct?: Sqlite;
  caches: Map<string, unknown>;
}

type WithState = Db & { [STATE]?: ClientState };

/** Called by openDb: ties the client to its file. */
export function registerClientFile(db: Db, file: string, busyTimeoutMs: number): void {
  (db as WithState)[STATE] = { file, busyTimeoutMs, caches: new Map() };
}

function stateOf(db: Db): ClientState {
  const state = (db as WithState)[STATE];
  if (!state) throw new Error("this Prisma client was not opened by the SQLite store (openDb)");
  return state;
}

/** The database file behind `db`. */
export function fileOf(db: Db): string {
  return stateOf(db).file;
}

/** Opens a connection with the store's pragmas (WAL, busy timeout, foreign keys). */
export function openConnection(file: string, busyTimeoutMs: number, options: Database.Options = {}): Sqlite {
  const connection = new Database(file, { timeout: busyTimeoutMs, ...options });
  if (!options.readonly) connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  return connection;
}

/**
 * A connection for batch writes: busy timeout 0 (the write lock is awaited by the busy policy), the same
 * settings as openDb (in WAL mode NORMAL is durable enough and saves an fsync per batch), and a cache of
 * `cacheKiB`: a full cache spills dirty pages into the WAL mid-transaction, and they are written again at COMMIT.
 */
export function openBatchConnection(file: string, cacheKiB: number): Sqlite {
  const sqlite = new Database(file, { timeout: 0 });
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma(`cache_size = -${cacheKiB}`);
  return sqlite;
}

/** The direct connection for the database behind `db` (opened once per client). */
export function sqliteOf(db: Db): Sqlite {
  const state = stateOf(db);
  if (!state.direct?.open) state.direct = openConnection(state.file, state.busyTimeoutMs);
  return state.direct;
}

/** Closes the direct connection of `db` (closing the store calls this). */
export function closeSqliteOf(db: Db): void {
  const state = (db as WithState)[STATE];
  if (state?.direct?.open) state.direct.close();
  if (state) state.direct = undefined;
}

/** A per-process cache kept with the client (search vocabulary, topic matchers, related index, ...). */
export function clientCache<T>(name: string): {
  get(db: Db): T | undefined;
  set(db: Db, value: T): void;
  delete(db: Db): void;
} {
  return {
    get: (db) => stateOf(db).caches.get(name) as T | undefined,
    set: (db, value) => void stateOf(db).caches.set(name, value),
    delete: (db) => void stateOf(db).caches.delete(name),
  };
}
