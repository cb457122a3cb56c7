// PostgreSQL migrations at start: two instances starting together migrate once; a migration that fails
// leaves the schema as it was (the whole set runs in one transaction); a newer database is refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyPgMigrations, PG_MIGRATIONS_DIR } from "../../../src/server/store/postgres/migrate";
import { DatabaseTooNewError } from "../../../src/server/store/store";
import { emptyPostgresDatabase } from "../../helpers/temp-db";

let target: { url: string; drop(): Promise<void> };
beforeEach(async () => (target = await emptyPostgresDatabase()));
afterEach(async () => target.drop());

async function tables(): Promise<string[]> {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

function migrationsWith(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-migrations-"));
  fs.cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("PostgreSQL migrations", () => {
  it("two instances starting at once: one applies every migration, the other finds nothing to do", async () => {
    const [a, b] = await Promise.all([applyPgMigrations(target.url), applyPgMigrations(target.url)]);
    const all = fs
      .readdirSync(PG_MIGRATIONS_DIR)
      .filter((name) => fs.statSync(path.join(PG_MIGRATIONS_DIR, name)).isDirectory())
      .sort();
    expect([a, b].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    expect(await tables()).toContain("Paper");
  });

  it("a failing migration leaves the schema as it was, and the next start applies the fixed one", async () => {
    await applyPgMigrations(target.url);
    const before = await tables();
    const broken = migrationsWith({
      "20991231000000_broken": `CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "Nope" ADD COLUMN "x" INTEGER;`,
    });
    await expect(applyPgMigrations(target.url, { dir: broken })).rejects.toThrow(/Nope/);
    expect(await tables()).toEqual(before);
    const fixed = migrationsWith({ "20991231000000_broken": `CREATE TABLE "Half" ("id" INTEGER);` });
    expect(await applyPgMigrations(target.url, { dir: fixed })).toEqual(["20991231000000_broken"]);
    expect(await tables()).toContain("Half");
  });

  it("refuses a database migrated by newer code, naming both versions", async () => {
    await applyPgMigrations(target.url, {
      dir: migrationsWith({ "20991231000000_future": `CREATE TABLE "Future" ("id" INTEGER);` }),
    });
    const error = await applyPgMigrations(target.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toContain("20991231000000_future");
  });
});
