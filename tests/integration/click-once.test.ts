// A digest click counts once per delivery and paper, decided by a unique index rather than a look-then-insert:
// many requests for one link at the same moment leave one event, and the migration that adds the index first
// removes the duplicates older code could leave. Runs on both engines (TEST_DATABASE_ENGINE).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SIGNAL_WEIGHTS, trendKeyOf } from "../../src/domain/trending";
import { env } from "../../src/env";
import { applyPgMigrations, PG_MIGRATIONS_DIR } from "../../src/server/store/postgres/migrate";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/server/store/sqlite/migrate";
import { addPaper, NOW } from "../helpers/digest-fixtures";
import { createTempDb, emptyPostgresDatabase, testEngine, type TempDb } from "../helpers/temp-db";

const CLICK_MIGRATION = "20261201003000_click_once";

let temp: TempDb;
beforeEach(async () => (temp = await createTempDb()));
afterEach(async () => temp.cleanup());

const clicksOf = (paperId: number, source: string) =>
  temp.db.paperEvent.count({ where: { paperId, kind: "click", source } });

describe("digest clicks count once", () => {
  it("twenty simultaneous clicks on one link leave one event and one click's weight in the key", async () => {
    const paperId = await addPaper(temp.db, { title: "Clicked", trendKey: -1e9 });
    const slugs = await Promise.all(
      Array.from({ length: 20 }, () => temp.store.trending.recordClickOnce(paperId, "digest:7", NOW)),
    );
    expect(new Set(slugs).size).toBe(1);
    expect(await clicksOf(paperId, "digest:7")).toBe(1);
    const { trendKey } = await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } });
    const halfLife = env().TRENDING_HALF_LIFE_HOURS;
    expect(trendKey).toBeCloseTo(trendKeyOf([{ weight: SIGNAL_WEIGHTS.click, anchorAt: NOW }], halfLife), 9);
    // Another delivery's reader clicking the same paper is another click.
    await temp.store.trending.recordClickOnce(paperId, "digest:8", NOW);
    expect(await clicksOf(paperId, "digest:8")).toBe(1);
  });

  it("the migration removes clicks counted twice, keeping the first, before it adds the index", async () => {
    const before = await migratedUpTo(CLICK_MIGRATION);
    try {
      await before.exec(`INSERT INTO "Paper" ("slug", "title", "abstract", "titleText", "abstractText", "authors", "authorsText",
        "titleKey", "firstSeenAt", "feedAt", "updatedAt", "sourceName", "trendKey")
        VALUES ('p', 'P', 'A', 'P', 'A', '[]', '', 'p', ${before.now}, ${before.now}, ${before.now}, 'arxiv', 0)`);
      for (const source of ["digest:1", "digest:1", "digest:1", "digest:2"])
        await before.exec(`INSERT INTO "PaperEvent" ("paperId", "kind", "at", "anchorAt", "weight", "source")
          VALUES (1, 'click', ${before.now}, ${before.now}, 0.3, '${source}')`);
      await before.exec(`INSERT INTO "PaperEvent" ("paperId", "kind", "at", "anchorAt", "weight", "source")
        VALUES (1, 'view', ${before.now}, ${before.now}, 0.1, NULL), (1, 'view', ${before.now}, ${before.now}, 0.1, NULL)`);
      expect((await before.migrateRest())[0]).toBe(CLICK_MIGRATION);
      expect(await before.rows(`SELECT "id", "kind", "source" FROM "PaperEvent" ORDER BY "id"`)).toEqual([
        { id: 1, kind: "click", source: "digest:1" },
        { id: 4, kind: "click", source: "digest:2" },
        { id: 5, kind: "view", source: null },
        { id: 6, kind: "view", source: null },
      ]);
      await expect(
        before.exec(`INSERT INTO "PaperEvent" ("paperId", "kind", "at", "anchorAt", "weight", "source")
          VALUES (1, 'click', ${before.now}, ${before.now}, 0.3, 'digest:2')`),
      ).rejects.toThrow(/unique/i);
    } finally {
      await before.close();
    }
  });
});

interface OldDatabase {
  /** A timestamp literal for this engine. */
  now: string;
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<unknown[]>;
  migrateRest(): Promise<string[]>;
  close(): Promise<void>;
}

/** A database migrated up to (not including) `name`, on the engine under test. */
async function migratedUpTo(name: string): Promise<OldDatabase> {
  const source = testEngine() === "postgres" ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "click-once-migrations-"));
  for (const entry of fs.readdirSync(source).filter((e) => e < name))
    fs.cpSync(path.join(source, entry), path.join(dir, entry), { recursive: true });
  if (testEngine() === "postgres") {
    const target = await emptyPostgresDatabase();
    await applyPgMigrations(target.url, { dir });
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return {
      now: "now()",
      exec: async (sql) => void (await client.query(sql)),
      rows: async (sql) => (await client.query(sql)).rows,
      migrateRest: () => applyPgMigrations(target.url),
      async close() {
        await client.end();
        await target.drop();
      },
    };
  }
  const file = path.join(dir, "old.db");
  await applyMigrations(file, { dir });
  const sqlite = new Database(file);
  return {
    now: String(NOW.getTime()),
    exec: async (sql) => void sqlite.exec(sql),
    rows: async (sql) => sqlite.prepare(sql).all(),
    migrateRest: () => applyMigrations(file),
    async close() {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
