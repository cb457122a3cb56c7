// Backup and restore of the SQLite database. SQLite-specific by nature, like sqlite-direct.ts.
// The backup uses SQLite's online backup API: it reads a consistent snapshot page by page while the app keeps
// serving and writing (WAL mode lets readers and the one writer proceed side by side).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The tables a paper-digest database has, with a row count each: what a restore must bring back. */
const COUNTED_TABLES = [
  "Paper",
  "Topic",
  "Subscriber",
  "Vote",
  "PageView",
  "Delivery",
  "DigestRun",
  "_prisma_migrations",
] as const;

export type TableCounts = Record<(typeof COUNTED_TABLES)[number], number>;

/** Copies the live database `source` to `target` (a new file, 0600); returns the copy's row counts. */
export async function backupDatabase(source: string, target: string): Promise<TableCounts> {
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  fs.chmodSync(partial, 0o600);
  const counts = checkedCounts(partial);
  fs.renameSync(partial, target); // the file appears only once it is complete and checked
  return counts;
}

/** Restores `backup` as the database file `target`, which must not exist yet; returns the row counts. */
export function restoreDatabase(backup: string, target: string): TableCounts {
  if (!fs.existsSync(backup)) throw new Error(`No backup file at ${backup}.`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    if (fs.existsSync(target + suffix))
      throw new Error(`${target + suffix} exists: restore only into an empty data folder.`);
  }
  const counts = checkedCounts(backup);
  const partial = `${target}.partial`;
  fs.copyFileSync(backup, partial);
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
  return counts;
}

/** Row counts of a paper-digest database file, after SQLite's integrity check. */
export function checkedCounts(file: string): TableCounts {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} is not a SQLite database (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`${file} failed SQLite's integrity check: ${String(check)}`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    const missing = COUNTED_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) throw new Error(`${file} is not a paper-digest database (no ${missing.join(", ")} table).`);
    const counts = {} as TableCounts;
    for (const table of COUNTED_TABLES)
      counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return counts;
  } catch (error) {
    if (error instanceof Error && /not a database|file is not/i.test(error.message))
      throw new Error(`${file} is not a SQLite database.`);
    throw error;
  } finally {
    db.close();
  }
}
