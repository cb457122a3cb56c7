// The Prisma client over better-sqlite3 that the SQLite store reads and writes through, with the store's
// pragmas. Only the store opens it (openSqliteStore), so it always carries its file and caches.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { observeStatements, type StatementObserver } from "@/server/store/statement-observer";
import { registerClientFile } from "./direct-connection";

export type Db = PrismaClient;

/**
 * SQLite's own wait for a lock, for single statements through Prisma (transactions are retried by the busy
 * policy instead). Short: better-sqlite3 waits synchronously, holding up the event loop meanwhile.
 */
export const STATEMENT_BUSY_TIMEOUT_MS = 5000;

/** Opens a client on a database file and applies the connection pragmas. */
export async function openDb(file: string, onStatement?: StatementObserver): Promise<Db> {
  const adapter = observeStatements(
    new PrismaBetterSQLite3({ url: `file:${file}`, timeout: STATEMENT_BUSY_TIMEOUT_MS }),
    onStatement,
  );
  const db = new PrismaClient({ adapter });
  registerClientFile(db, file, STATEMENT_BUSY_TIMEOUT_MS);
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${STATEMENT_BUSY_TIMEOUT_MS}`);
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}
