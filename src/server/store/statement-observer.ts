// Lets a caller see every SQL statement a store sends through Prisma's driver adapter (StoreSettings.onStatement):
// how a test proves that a page costs a given number of queries on a real database. Engine-neutral: it wraps the
// adapter factory of either engine and forwards everything untouched.

/** Called with each statement's SQL text, before it runs. */
export type StatementObserver = (sql: string) => void;

type Queryable = object;

/** Wraps an adapter or transaction so queryRaw/executeRaw report their SQL, and transactions it opens do too. */
function observed<T extends Queryable>(target: T, onStatement: StatementObserver): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property);
      if (typeof value !== "function") return value;
      // Bound to the real object: adapters keep private fields a proxy receiver cannot reach.
      const method = (value as (...args: unknown[]) => unknown).bind(object);
      if (property === "queryRaw" || property === "executeRaw")
        return (query: { sql: string }, ...rest: unknown[]) => {
          onStatement(query.sql);
          return method(query, ...rest);
        };
      if (property === "startTransaction")
        return async (...args: unknown[]) => observed((await method(...args)) as Queryable, onStatement);
      return method;
    },
  });
}

/** The adapter factory, reporting every statement of every connection it makes. */
export function observeStatements<F extends { connect(): Promise<Queryable> }>(
  factory: F,
  onStatement: StatementObserver | undefined,
): F {
  if (!onStatement) return factory;
  return new Proxy(factory, {
    get(object, property) {
      if (property === "connect") return async () => observed(await object.connect(), onStatement);
      const value: unknown = Reflect.get(object, property);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
