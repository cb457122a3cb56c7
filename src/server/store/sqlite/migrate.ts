// Applies the committed migrations (prisma/migrations/*/migration.sql, in name order) with the store's own
// connection, keeping Prisma's bookkeeping table so `prisma migrate` still agrees about what is applied.
// Prisma's CLI is not used at run time: its schema engine wants the database to itself and fails
// ("unknown variant SocketTimeout") whenever another process has it open, e.g. an import beside the server.
// Here every pending migration is applied in one IMMEDIATE transaction, taken under the store's busy
// policy; the set of applied migrations is read again inside it, so of two processes starting together
// one applies and the other finds nothing left to do. An up-to-date database is only read, never locked.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { BACKFILLS } from "@/server/store/migration-backfills";
import { DatabaseTooNewError } from "@/server/store/store";
import { retryWhenBusy } from "./busy-policy";
import { openConnection, type Sqlite } from "./direct-connection";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

export function codeMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function appliedNames(sqlite: Sqlite): Set<string> | null {
  const table = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
    .get();
  if (!table) return null;
  const rows = sqlite
    .prepare(
      `SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    )
    .all() as { name: string }[];
  return new Set(rows.map((row) => row.name));
}

/** Pending migrations; throws DatabaseTooNewError when the database has migrations this code does not know. */
function pending(applied: Set<string> | null, migrations: readonly Migration[]): Migration[] {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...(applied ?? [])].filter((name) => !known.has(name)).sort();
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown.at(-1)!, migrations.at(-1)?.name ?? "(none)");
  return migrations.filter((m) => !applied?.has(m.name));
}

/** The migration's data step, if it has one (migration-backfills.ts). */
function runBackfill(sqlite: Sqlite, name: string): void {
  const backfill = BACKFILLS[name];
  if (!backfill) return;
  const rows = sqlite.prepare(backfill.select).all() as Record<string, unknown>[];
  const update = sqlite.prepare(`UPDATE "${backfill.table}" SET "${backfill.column}" = ? WHERE "id" = ?`);
  for (const { id, value } of backfill.compute(rows)) update.run(value, id);
}

/** Brings the database at `file` up to date; returns the names of the migrations this call applied. */
export async function applyMigrations(
  file: string,
  { dir = MIGRATIONS_DIR, now = () => new Date() } = {},
): Promise<string[]> {
  const migrations = codeMigrations(dir);
  const sqlite = openConnection(file, 0);
  try {
    if (pending(appliedNames(sqlite), migrations).length === 0) return [];
    // Table redefinitions in migrations switch foreign keys off; that pragma is a no-op inside a transaction.
    sqlite.pragma("foreign_keys = OFF");
    return await retryWhenBusy(() => {
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        sqlite.exec(BOOKKEEPING);
        const todo = pending(appliedNames(sqlite), migrations);
        const record = sqlite.prepare(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)`,
        );
        for (const migration of todo) {
          const started = now().toISOString().replace("Z", "+00:00");
          sqlite.exec(migration.sql);
          runBackfill(sqlite, migration.name);
          record.run(
            randomUUID(),
            migration.checksum,
            now().toISOString().replace("Z", "+00:00"),
            migration.name,
            started,
          );
        }
        const broken = sqlite.prepare("PRAGMA foreign_key_check").all();
        if (broken.length > 0) throw new Error(`migration left ${broken.length} rows violating foreign keys`);
        sqlite.exec("COMMIT");
        return todo.map((m) => m.name);
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        throw error;
      }
    });
  } finally {
    sqlite.close();
  }
}
