import path from "node:path";
import { defineConfig } from "vitest/config";

// TEST_DATABASE_ENGINE=postgres runs the integration suite again on PostgreSQL (TEST_POSTGRES_URL). Unit
// tests have no database, and these files test SQLite internals (its FTS5 table, its direct connection, its
// date encoding; sitemap-index seeds 50,000 papers with SQLite SQL), so they run on SQLite only.
const SQLITE_ONLY = [
  "digest-locks",
  "ingest-cli",
  "ingest-indexing",
  "ingest-pipeline",
  "migrations",
  "related-papers",
  "search-papers",
  "signals",
  "sitemap-index",
].map((name) => `tests/integration/${name}.test.ts`);
const onPostgres = process.env.TEST_DATABASE_ENGINE === "postgres";
// tests/integration/postgres/ needs a PostgreSQL server: it runs in the PostgreSQL pass only.

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: onPostgres
      ? ["tests/integration/**/*.test.ts"]
      : ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    exclude: onPostgres
      ? ["**/node_modules/**", ...SQLITE_ONLY]
      : ["**/node_modules/**", "tests/integration/postgres/**"],
    environment: "node",
    // Integration tests each open their own temporary database; two workers fit this 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    // Deadlines, not measurements: on two cores shared with other work, a file's first test (which pays for
    // loading its modules) has taken up to 31 s. A hung test still fails; a merely slow one does not.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
