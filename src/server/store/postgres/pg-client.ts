// The Prisma client over node-postgres that the PostgreSQL store reads and writes through. One pool per
// store; the per-process caches (search vocabulary, topic matcher, related index) live on the store's
// context object, which the process-wide store registry keeps on globalThis.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "@/generated/prisma-postgres/client";
import { observeStatements, type StatementObserver } from "@/server/store/statement-observer";

export type PgDb = PrismaClient;
export type PgTx = Prisma.TransactionClient;

/** Connections per process: enough for a page's parallel reads while another instance writes. */
const POOL_SIZE = 10;

export interface PgContext {
  db: PgDb;
  caches: Map<string, unknown>;
}

export function openPgDb(url: string, onStatement?: StatementObserver): PgDb {
  const adapter = observeStatements(
    new PrismaPg({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 10_000 }),
    onStatement,
  );
  return new PrismaClient({ adapter });
}

/** A per-process cache kept with the store's context. */
export function contextCache<T>(name: string) {
  return {
    get: (ctx: PgContext) => ctx.caches.get(name) as T | undefined,
    set: (ctx: PgContext, value: T) => void ctx.caches.set(name, value),
    delete: (ctx: PgContext) => void ctx.caches.delete(name),
  };
}
