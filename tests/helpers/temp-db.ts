// A real temporary SQLite database with all migrations applied, for integration tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "../../src/env";
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

/** Opens a fresh migrated database (migrations run once per worker, then the file is copied). */
export async function createTempDb(): Promise<TempDb> {
  await (template ??= applyMigrations(templateFile));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(templateFile, file);
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
