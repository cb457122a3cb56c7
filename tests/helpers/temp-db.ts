// A real temporary SQLite database with all migrations applied, for integration tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../src/server/db";
import { applyMigrations } from "../../src/server/migrate";
import { loadSampleIfEmpty } from "../../src/server/sample-data";
import { closeSqliteOf, sqliteOf } from "../../src/server/sqlite-direct";

export interface TempDb {
  db: Db;
  url: string;
  dir: string;
  cleanup(): Promise<void>;
}

const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-template-"));
let template: string | undefined;
/** Sample-loaded templates by load time: loading 210 papers takes seconds, copying a file does not. */
const sampleTemplates = new Map<number, Promise<string>>();

/** Opens a fresh migrated database (migrations run once per worker, then the file is copied). */
export async function createTempDb(): Promise<TempDb> {
  if (!template) {
    template = path.join(templateDir, "template.db");
    applyMigrations(`file:${template}`);
  }
  return openCopyOf(template);
}

/**
 * Opens a fresh database holding the sample papers as loaded at `now`. The sample is loaded once per worker
 * and load time; every call gets its own copy, so a test may change it freely.
 */
export async function createSampleDb(now: Date): Promise<TempDb> {
  let file = sampleTemplates.get(now.getTime());
  if (!file) sampleTemplates.set(now.getTime(), (file = buildSampleTemplate(now)));
  return openCopyOf(await file);
}

async function buildSampleTemplate(now: Date): Promise<string> {
  const loaded = await createTempDb();
  await loadSampleIfEmpty(loaded.db, now);
  // Everything into the main file before it is copied.
  sqliteOf(loaded.db).pragma("wal_checkpoint(TRUNCATE)");
  closeSqliteOf(loaded.db);
  await loaded.db.$disconnect();
  const file = path.join(templateDir, `sample-${now.getTime()}.db`);
  fs.copyFileSync(path.join(loaded.dir, "test.db"), file);
  fs.rmSync(loaded.dir, { recursive: true, force: true });
  return file;
}

async function openCopyOf(source: string): Promise<TempDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(source, file);
  const url = `file:${file}`;
  const db = await openDb(url);
  return {
    db,
    url,
    dir,
    async cleanup() {
      closeSqliteOf(db);
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
