// A direct better-sqlite3 connection to the same database file as a Prisma client, for hot paths
// (bulk writes in jobs and benchmarks) where Prisma's per-statement cost (~0.5 ms) dominates.
// SQLite-specific by nature: keep such SQL in the modules that own a hot path, behind plain functions.
import Database from "better-sqlite3";
import type { Db } from "./prisma-client";

export type Sqlite = Database.Database;

const fileOfClient = new WeakMap<Db, string>();
const connections = new Map<string, Sqlite>();

/** Called by openDb: remembers which file a client talks to. */
export function registerClientFile(db: Db, file: string): void {
  fileOfClient.set(db, file);
}

/** The direct connection for the database behind `db` (opened once per file, WAL, busy timeout). */
export function sqliteOf(db: Db): Sqlite {
  const file = fileOfClient.get(db);
  if (!file) throw new Error("sqliteOf: this Prisma client was not opened with openDb()");
  let connection = connections.get(file);
  if (!connection || !connection.open) {
    connection = new Database(file, { timeout: 5000 });
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = NORMAL");
    connection.pragma("foreign_keys = ON");
    connections.set(file, connection);
  }
  return connection;
}

/** Closes the direct connection of `db`'s file (tests that delete their file call this first). */
export function closeSqliteOf(db: Db): void {
  const file = fileOfClient.get(db);
  const connection = file ? connections.get(file) : undefined;
  if (connection?.open) connection.close();
  if (file) connections.delete(file);
}
