// Migrations applied by the store itself: beside other connections, by two processes at once, and refused
// (by name, both versions) on a database a newer version of the app has migrated.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeMigrations, applyMigrations } from "../../src/server/store/sqlite/migrate";
import { openStore } from "../../src/server/store/open-store";
import { DatabaseTooNewError } from "../../src/server/store/store";
import { runNpm } from "../helpers/app-process";

let dir: string;
let file: string;
const names = codeMigrations().map((m) => m.name);
const applied = (db: Database.Database) =>
  (db.prepare(`SELECT "migration_name" AS name FROM "_prisma_migrations" ORDER BY 1`).all() as { name: string }[]).map(
    (r) => r.name,
  );

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-migrate-"));
  file = path.join(dir, "app.db");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("applyMigrations", () => {
  it("migrates while another connection reads the database, and waits for one that holds the write lock", async () => {
    const other = new Database(file);
    other.pragma("journal_mode = WAL");
    other.exec(`CREATE TABLE "Unrelated" ("id" INTEGER PRIMARY KEY)`);
    other.exec("BEGIN IMMEDIATE");
    let done = false;
    const migrating = applyMigrations(file).then((result) => ((done = true), result));
    // Let the migrator find the lock taken at least once before it is released.
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    other.exec("COMMIT");
    expect(await migrating).toEqual(names);
    expect(applied(other)).toEqual(names);
    other.close();
  });

  it("applies each migration once when two callers start together, and nothing on an up-to-date database", async () => {
    const [first, second] = await Promise.all([applyMigrations(file), applyMigrations(file)]);
    expect([...first, ...second].sort()).toEqual(names);
    expect(await applyMigrations(file)).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(applied(db)).toEqual(names);
    db.close();
  });

  it("refuses a database migrated by a newer version, naming both versions, in the store and the CLI", async () => {
    await applyMigrations(file);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ('x', 'x', '2030-01-01T00:00:00.000+00:00', '20300101000000_from_the_future', '2030-01-01T00:00:00.000+00:00', 1)`,
    ).run();
    db.close();
    const opening = openStore(`file:${file}`, { halfLifeHours: 24 });
    await expect(opening).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(opening).rejects.toThrow(`20300101000000_from_the_future, newer than this code's ${names.at(-1)}`);
    const cli = await runNpm("ingest", [path.join(import.meta.dirname, "../fixtures/ingest/trending-export.txt")], {
      DATABASE_URL: `file:${file}`,
    });
    expect(cli.code).toBe(1);
    expect(cli.output).toContain("20300101000000_from_the_future");
    expect(cli.output).not.toMatch(/\n\s+at /);
  }, 60_000);
});
