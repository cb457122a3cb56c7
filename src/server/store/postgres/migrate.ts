// Applies prisma/postgres/migrations/*/migration.sql (in name order) at start, keeping Prisma's bookkeeping
// table so `prisma migrate status` agrees. All pending migrations run in one transaction under an advisory
// lock: of two instances starting together one applies and the other waits, then finds nothing to do;
// a failing migration rolls back whole (PostgreSQL DDL is transactional), leaving the schema as it was.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { BACKFILLS } from "@/server/store/migration-backfills";
import { DatabaseTooNewError } from "@/server/store/store";
import { codeMigrations } from "@/server/store/sqlite/migrate";
import { describeConnectionError } from "./connection-errors";

export const PG_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "postgres", "migrations");
/** Arbitrary constant: the advisory lock every instance takes while migrating. */
const MIGRATION_LOCK = 7_131_301;

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** The migration's data step, if it has one (migration-backfills.ts), as one set-based update. */
async function runBackfill(client: pg.Client, name: string): Promise<void> {
  const backfill = BACKFILLS[name];
  if (!backfill) return;
  const { rows } = await client.query<Record<string, unknown>>(backfill.select);
  const values = backfill.compute(rows);
  if (values.length === 0) return;
  await client.query(
    `UPDATE "${backfill.table}" t SET "${backfill.column}" = v."value" FROM jsonb_to_recordset($1::jsonb) AS v("id" int, "value" text) WHERE t."id" = v."id"`,
    [JSON.stringify(values)],
  );
}

/** Brings the database at `url` up to date; returns the names of the migrations this call applied. */
export async function applyPgMigrations(url: string, { dir = PG_MIGRATIONS_DIR } = {}): Promise<string[]> {
  const migrations = codeMigrations(dir);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw describeConnectionError(url, error);
  }
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(BOOKKEEPING);
    const applied = await client.query<{ name: string }>(
      `SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const done = new Set(applied.rows.map((row) => row.name));
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done].filter((name) => !known.has(name)).sort();
    if (unknown.length > 0) throw new DatabaseTooNewError(unknown.at(-1)!, migrations.at(-1)?.name ?? "(none)");
    const todo = migrations.filter((m) => !done.has(m.name));
    for (const migration of todo) {
      await client.query(migration.sql);
      await runBackfill(client, migration.name);
      await client.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    }
    await client.query("COMMIT");
    return todo.map((m) => m.name);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
