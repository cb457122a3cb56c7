// A real temporary SQLite database with all migrations applied, for integration tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../src/server/store/sqlite/prisma-client";
import { applyMigrations } from "../../src/server/store/sqlite/migrate";
import { closeSqliteOf } from "../../src/server/store/sqlite/direct-connection";

export interface TempDb {
  db: Db;
  url: string;
  dir: string;
  cleanup(): Promise<void>;
}

const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-template-"));
let template: string | undefined;

/** Opens a fresh migrated database (migrations run once per worker, then the file is copied). */
export async function createTempDb(): Promise<TempDb> {
  if (!template) {
    template = path.join(templateDir, "template.db");
    applyMigrations(`file:${template}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(template, file);
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
