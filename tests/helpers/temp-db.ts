// A real temporary SQLite database with all migrations applied, for integration tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "../../src/env";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { sqliteOf } from "../../src/server/store/sqlite/direct-connection";
import { applyMigrations } from "../../src/server/store/sqlite/migrate";
import type { Db } from "../../src/server/store/sqlite/prisma-client";
import { openSqliteStore, type SqliteStore } from "../../src/server/store/sqlite/sqlite-store";

export interface TempDb {
  /** The store under test. */
  store: SqliteStore;
  /** Its Prisma client, for arranging and checking rows directly. */
  db: Db;
  url: string;
  dir: string;
  cleanup(): Promise<void>;
}

const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-template-"));
let template: Promise<unknown> | undefined;
const templateFile = path.join(templateDir, "template.db");
/** Sample-loaded templates by load time: loading 210 papers takes seconds, copying a file does not. */
const sampleTemplates = new Map<number, Promise<string>>();

/** Opens a fresh migrated database (migrations run once per worker, then the file is copied). */
export async function createTempDb(): Promise<TempDb> {
  await (template ??= applyMigrations(templateFile));
  return openCopyOf(templateFile);
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
  await loadSampleIfEmpty(loaded.store, now, env().TRENDING_HALF_LIFE_HOURS);
  // Everything into the main file before it is copied.
  sqliteOf(loaded.db).pragma("wal_checkpoint(TRUNCATE)");
  await loaded.store.close();
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
  const store = await openSqliteStore(url, { halfLifeHours: env().TRENDING_HALF_LIFE_HOURS });
  return {
    store,
    db: store.db,
    url,
    dir,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
