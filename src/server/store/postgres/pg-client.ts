// The Prisma client over node-postgres that the PostgreSQL store reads and writes through. One pool per
// store; the per-process caches (search vocabulary, topic matcher, related index) live on the store's
// context object, which the process-wide store registry keeps on globalThis.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

const POOL = Symbol.for("paper-digest.pg-pool");

export function openPgDb(url: string, onStatement?: StatementObserver): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 10_000 });
  // An idle connection the server ended (a restart, a dropped database) leaves the pool; the next query opens
  // a new one or fails with its own error. Without a listener the pool's "error" event would end the process.
  pool.on("error", () => {});
  // The client ends the pool when it disconnects.
  const adapter = observeStatements(new PrismaPg(pool, { disposeExternalPool: true }), onStatement);
  const db = new PrismaClient({ adapter });
  (db as PgDb & { [POOL]?: pg.Pool })[POOL] = onStatement ? observedPool(pool, onStatement) : pool;
  return db;
}

/** The pool as poolOf gives it out, reporting its statements to the observer as the adapter does Prisma's. */
function observedPool(pool: pg.Pool, onStatement: StatementObserver): pg.Pool {
  const observe = <Q extends pg.Pool | pg.PoolClient>(target: Q): Q =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property);
        if (property === "query")
          return (query: string | { text: string }, ...rest: unknown[]) => {
            onStatement(typeof query === "string" ? query : query.text);
            return (value as (...args: unknown[]) => unknown).call(object, query, ...rest);
          };
        if (property === "connect") return async () => observe(await (object as pg.Pool).connect());
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
      },
    });
  return observe(pool);
}

/**
 * The node-postgres pool under `db`, for the hot single statements (a rate-limit check, a delivery's claim
 * and record): a prepared statement through it costs ~0.3 ms of CPU, a raw query through Prisma ~1 ms
 * (measured, 3,000 statements each). Results come back as node-postgres types: int8 as a string, and
 * timestamps would be read in local time, so these statements return neither or convert them.
 */
export function poolOf(db: PgDb): pg.Pool {
  const pool = (db as PgDb & { [POOL]?: pg.Pool })[POOL];
  if (!pool) throw new Error("this Prisma client was not opened by openPgDb");
  return pool;
}

/** A per-process cache kept with the store's context. */
export function contextCache<T>(name: string) {
  return {
    get: (ctx: PgContext) => ctx.caches.get(name) as T | undefined,
    set: (ctx: PgContext, value: T) => void ctx.caches.set(name, value),
    delete: (ctx: PgContext) => void ctx.caches.delete(name),
  };
}

/**
 * Raw statements of one write step, on a Prisma transaction or on a node-postgres client holding a
 * transaction (inPoolTransaction). An import's statements carry megabytes of parameters per batch: through
 * Prisma they took about a quarter of the importer's CPU (its query compiler copies every parameter),
 * directly on the pool almost none. Results are node-postgres types on the pool (see poolOf): int4 and float8
 * come back as numbers, so the statements run through a session return no int8 or timestamp columns.
 */
export interface SqlSession {
  rows<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Runs a statement; returns the rows it affected. */
  run(sql: string, ...params: unknown[]): Promise<number>;
}

/** A session on a Prisma transaction (or on the client itself, each statement its own transaction). */
export function prismaSession(tx: PgTx | PgDb): SqlSession {
  return {
    rows: (sql, ...params) => tx.$queryRawUnsafe(sql, ...params),
    run: (sql, ...params) => tx.$executeRawUnsafe(sql, ...params),
  };
}

/** Runs `work` in one transaction on a connection of the pool under `db`: committed if it resolves. */
export async function inPoolTransaction<T>(db: PgDb, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  // A statement sent while another is running waits for it here: a connection runs one statement at a time,
  // and leaving the queue to node-postgres is deprecated. An import sends its next part without waiting
  // (paper-insert.ts), so the server works on one while the importer prepares the next.
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <R>(sql: string, params: unknown[]): Promise<pg.QueryResult<R & pg.QueryResultRow>> => {
    const send = () => client.query<R & pg.QueryResultRow>(sql, params);
    const result = last.then(send, send);
    last = result.catch(() => {});
    return result;
  };
  const session: SqlSession = {
    rows: async <R>(sql: string, ...params: unknown[]) => (await inTurn<R>(sql, params)).rows as R[],
    run: async (sql, ...params) => (await inTurn(sql, params)).rowCount ?? 0,
  };
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await work(session);
    await inTurn("COMMIT", []);
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool.
    await inTurn("ROLLBACK", []).catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}
