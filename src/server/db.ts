// One cached Prisma client over better-sqlite3, with WAL and a busy timeout set on connect.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseFile, databaseUrl } from "./database-url";
import { registerClientFile } from "./sqlite-direct";

export type Db = PrismaClient;

const BUSY_TIMEOUT_MS = 5000;

/** Opens a client on the given SQLite URL and applies the connection pragmas. */
export async function openDb(url = databaseUrl()): Promise<Db> {
  const file = databaseFile(url);
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  registerClientFile(db, file);
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}

const globalForDb = globalThis as unknown as { paperDigestDb?: Promise<Db> };

/** The process-wide client (kept across Next.js hot reloads). */
export function getDb(): Promise<Db> {
  globalForDb.paperDigestDb ??= openDb();
  return globalForDb.paperDigestDb;
}

/** Points the process-wide client at another database (integration tests use a temporary one). */
export function useDb(db: Db): void {
  globalForDb.paperDigestDb = Promise.resolve(db);
}
