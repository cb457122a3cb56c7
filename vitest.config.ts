import path from "node:path";
import { defineConfig } from "vitest/config";

// TEST_DATABASE_ENGINE=postgres runs the integration suite again on PostgreSQL (TEST_POSTGRES_URL). Unit
// tests have no database, and these files test SQLite internals (its FTS5 table, its direct connection, its
// date encoding), so they run on SQLite only.
const SQLITE_ONLY = ["ingest-cli", "ingest-indexing", "migrations", "related-papers", "search-papers", "signals"].map((name) => `tests/integration/${name}.test.ts`);
const onPostgres = process.env.TEST_DATABASE_ENGINE === "postgres";
// tests/integration/postgres/ needs a PostgreSQL server: it runs in the PostgreSQL pass only.

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: onPostgres ? ["tests/integration/**/*.test.ts"] : ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    exclude: onPostgres ? ["**/node_modules/**", ...SQLITE_ONLY] : ["**/node_modules/**", "tests/integration/postgres/**"],
    environment: "node",
    // Integration tests each open their own temporary database; two workers fit this 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
