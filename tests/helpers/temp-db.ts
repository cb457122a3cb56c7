// A real temporary database with all migrations applied, for integration tests. The engine is chosen by
// TEST_DATABASE_ENGINE: sqlite (default, a temporary file) or postgres (a fresh database per test file on
// the server at TEST_POSTGRES_URL, created from a migrated template database, see scripts/pg-test-server.sh).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "../../src/env";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { applyPgMigrations } from "../../src/server/store/postgres/migrate";
import { modelApi } from "../../src/server/store/postgres/model-api";
import { openPostgresStore } from "../../src/server/store/postgres/postgres-store";
import { sqliteOf } from "../../src/server/store/sqlite/direct-connection";
import { applyMigrations } from "../../src/server/store/sqlite/migrate";
import type { Db } from "../../src/server/store/sqlite/prisma-client";
import { openSqliteStore, type SqliteStore } from "../../src/server/store/sqlite/sqlite-store";

export interface TempDb {
  /** The store under test. */
  store: SqliteStore;
  /** Its Prisma client, for arranging and checking rows directly (the models are the same on both engines). */
  db: Db;
  url: string;
  dir: string;
  cleanup(): Promise<void>;
}

export type TestEngine = "sqlite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.TEST_DATABASE_ENGINE === "postgres" ? "postgres" : "sqlite";
}

const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-template-"));
let template: Promise<unknown> | undefined;
const templateFile = path.join(templateDir, "template.db");

/** Opens a fresh migrated database (migrations run once per worker, then the file or database is copied). */
export async function createTempDb(): Promise<TempDb> {
  return testEngine() === "postgres" ? createTempPostgresDb() : createTempSqliteDb();
}

/** Sample-loaded templates by load time: loading 210 papers takes seconds, copying a database does not. */
const sampleTemplates = new Map<number, Promise<string>>();

/**
 * Opens a fresh database holding the sample papers as loaded at `now`. The sample is loaded once per worker
 * and load time; every call gets its own copy, so a test may change it freely.
 */
export async function createSampleDb(now: Date): Promise<TempDb> {
  let template = sampleTemplates.get(now.getTime());
  if (!template) sampleTemplates.set(now.getTime(), (template = buildSampleTemplate(now)));
  return testEngine() === "postgres" ? openPostgresCopyOf(await template) : openSqliteCopyOf(await template);
}

async function buildSampleTemplate(now: Date): Promise<string> {
  const loaded = await createTempDb();
  await loadSampleIfEmpty(loaded.store, now, env().TRENDING_HALF_LIFE_HOURS);
  if (testEngine() === "postgres") {
    // Kept (not dropped) as the template of every copy; the server is thrown away after the run.
    await loaded.store.close();
    return new URL(loaded.url).pathname.slice(1);
  }
  // Everything into the main file before it is copied.
  sqliteOf(loaded.db).pragma("wal_checkpoint(TRUNCATE)");
  await loaded.store.close();
  const file = path.join(templateDir, `sample-${now.getTime()}.db`);
  fs.copyFileSync(path.join(loaded.dir, "test.db"), file);
  fs.rmSync(loaded.dir, { recursive: true, force: true });
  return file;
}

export async function createTempSqliteDb(): Promise<TempDb> {
  await (template ??= applyMigrations(templateFile));
  return openSqliteCopyOf(templateFile);
}

async function openSqliteCopyOf(source: string): Promise<TempDb> {
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

function serverUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_ENGINE=postgres needs TEST_POSTGRES_URL (eval "$(scripts/pg-test-server.sh start)")',
    );
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database. */
async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const TEMPLATE = `paper_digest_template_${process.pid}`;

async function migratedTemplate(): Promise<void> {
  await onServer(`CREATE DATABASE "${TEMPLATE}"`);
  await applyPgMigrations(databaseUrl(TEMPLATE));
}

/** An empty PostgreSQL database (no tables) on the test server. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `paper_digest_empty_${randomUUID().replace(/-/g, "")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  return { url: databaseUrl(name), drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A PostgreSQL store on a database of its own: CREATE DATABASE ... TEMPLATE, dropped by cleanup. */
export async function createTempPostgresDb(): Promise<TempDb> {
  await (template ??= migratedTemplate());
  return openPostgresCopyOf(TEMPLATE);
}

async function openPostgresCopyOf(source: string): Promise<TempDb> {
  const name = `paper_digest_test_${randomUUID().replace(/-/g, "")}`;
  await onServer(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  const url = databaseUrl(name);
  const store = await openPostgresStore(url, { halfLifeHours: env().TRENDING_HALF_LIFE_HOURS });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-test-"));
  // The SQLite-only members (file, the SQLite client type) are what engine-neutral tests never use.
  const tempStore = { ...store, db: modelApi(store.db), file: "" } as unknown as SqliteStore;
  return {
    store: tempStore,
    db: modelApi(store.db),
    url,
    dir,
    async cleanup() {
      await store.close();
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
