// Generic topics retired: the migration untags them on a database that has them (both engines); a retired
// topic's old links answer as a search for its word; a merged paper is tagged again.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listPapers } from "../../src/app/api/papers/route";
import * as topicPage from "../../src/pages/topics/[slug]";
import { loadDigestCandidates } from "../../src/server/digest/digest-candidates";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { applyPgMigrations, PG_MIGRATIONS_DIR } from "../../src/server/store/postgres/migrate";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/server/store/sqlite/migrate";
import { RETIRED_TOPIC } from "../../src/server/store/topics";
import { pageRenderer } from "../helpers/page";
import { createRouteTestDb, request } from "../helpers/route";
import { emptyPostgresDatabase, testEngine, type TempDb } from "../helpers/temp-db";

const RETIRING = "20261201007100_retire_generic_topics";
const NOW = new Date("2026-11-26T12:00:00Z");

/** A database as the previous version left it: two papers tagged "Rank" and "Low-rank adaptation". */
const BEFORE = [
  `INSERT INTO "Paper" ("id", "slug", "title", "abstract", "titleText", "abstractText", "titleKey", "topicsText", "firstSeenAt", "feedAt", "updatedAt", "sourceName")
   VALUES (1, 'a', 'Rank of LoRA', 'Low-rank adaptation and its rank.', 'Rank of LoRA', 'Low-rank adaptation and its rank.', 'a', 'Rank | Low-rank adaptation | LoRA', '2026-11-01 00:00:00', '2026-11-01 00:00:00', '2026-11-01 00:00:00', 'sample'),
          (2, 'b', 'Rank collapse', 'Rank again.', 'Rank collapse', 'Rank again.', 'b', 'Rank', '2026-11-01 00:00:00', '2026-11-01 00:00:00', '2026-11-01 00:00:00', 'sample')`,
  `INSERT INTO "Topic" ("id", "slug", "label", "kind", "aliases", "paperCount")
   VALUES (1, 'rank', 'Rank', 'phrase', '[]', 2), (2, 'low-rank-adaptation', 'Low-rank adaptation', 'phrase', '["LoRA"]', 1),
          (3, 'cs-lg', 'Machine Learning', 'category', '["cs.LG"]', 0)`,
  `INSERT INTO "PaperTopic" ("paperId", "topicId", "weight") VALUES (1, 1, 3), (1, 2, 2), (2, 1, 4)`,
  `INSERT INTO "TopicVocabularyRun" ("computedAt", "paperCount", "topicCount") VALUES ('2026-11-01 00:00:00', 2, 2)`,
];
const AFTER = {
  topics: `SELECT "slug", "kind", "paperCount" FROM "Topic" ORDER BY "id"`,
  tags: `SELECT "paperId", "topicId" FROM "PaperTopic" ORDER BY 1, 2`,
  texts: `SELECT "topicsText" FROM "Paper" ORDER BY "id"`,
  runs: `SELECT count(*) AS n FROM "TopicVocabularyRun"`,
};
type After = { [K in keyof typeof AFTER]: Record<string, unknown>[] };

function migrationsBefore(dir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
  for (const name of fs.readdirSync(dir))
    if (name < RETIRING) fs.cpSync(path.join(dir, name), path.join(copy, name), { recursive: true });
  return copy;
}

async function sqliteAfterMigration(): Promise<After> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retire-migration-")), "app.db");
  await applyMigrations(file, { dir: migrationsBefore(MIGRATIONS_DIR) });
  const db = new Database(file);
  for (const sql of BEFORE) db.exec(sql);
  db.close();
  expect(await applyMigrations(file)).toContain(RETIRING);
  const after = new Database(file, { readonly: true });
  const read = Object.fromEntries(Object.entries(AFTER).map(([key, sql]) => [key, after.prepare(sql).all()]));
  after.close();
  return read as After;
}

async function postgresAfterMigration(): Promise<After> {
  const target = await emptyPostgresDatabase();
  const client = new pg.Client({ connectionString: target.url });
  try {
    await applyPgMigrations(target.url, { dir: migrationsBefore(PG_MIGRATIONS_DIR) });
    await client.connect();
    for (const sql of BEFORE) await client.query(sql);
    expect(await applyPgMigrations(target.url)).toContain(RETIRING);
    const read: Record<string, Record<string, unknown>[]> = {};
    for (const [key, sql] of Object.entries(AFTER)) read[key] = (await client.query(sql)).rows;
    return read as After;
  } finally {
    await client.end().catch(() => undefined);
    await target.drop();
  }
}

describe("the migration retiring generic topics", () => {
  it(`retires "Rank", removes its tags and its words from the papers' topic text, keeps the phrase (${testEngine()})`, async () => {
    const after = testEngine() === "postgres" ? await postgresAfterMigration() : await sqliteAfterMigration();
    expect(after.topics.map((t) => [t.slug, t.kind, Number(t.paperCount)])).toEqual([
      ["rank", RETIRED_TOPIC, 0],
      ["low-rank-adaptation", "phrase", 1],
      ["cs-lg", "category", 0],
    ]);
    expect(after.tags.map((t) => [Number(t.paperId), Number(t.topicId)])).toEqual([[1, 2]]);
    expect(after.texts.map((t) => t.topicsText)).toEqual(["Low-rank adaptation | LoRA", ""]);
    // The vocabulary is due again: the next import recomputes it under the new rules.
    expect(Number(after.runs[0]!.n)).toBe(0);
  });
});

describe("a retired topic in use", () => {
  let temp: TempDb;
  beforeAll(async () => {
    temp = await createRouteTestDb();
    await loadSampleIfEmpty(temp.store, NOW, 24);
    await temp.db.topic.create({ data: { slug: "rank", label: "Rank", kind: RETIRED_TOPIC, paperCount: 0 } });
  });
  afterAll(() => temp.cleanup());

  it("is listed and offered nowhere, and resolves no subscriber's topic", async () => {
    expect((await temp.store.topics.listTopics()).map((t) => t.slug)).not.toContain("rank");
    expect((await temp.store.topics.topicChoices(500)).map((t) => t.slug)).not.toContain("rank");
    expect((await temp.store.topics.catalogue()).map((t) => t.slug)).not.toContain("rank");
    // A reader who chose it keeps it in their stored words; their other topics still resolve, and mail names
    // catalogue topics only.
    const candidates = await loadDigestCandidates(temp.store, NOW);
    expect(candidates.readerTopics(JSON.stringify(["rank", "low-rank-adaptation"]))).toEqual({
      slugs: ["low-rank-adaptation"],
      labels: ["Low-rank adaptation"],
    });
  });

  it("answers ?topic= as a search for its word on the API, and its page redirects to that search", async () => {
    const response = await listPapers(request("/api/papers?topic=rank&window=all&limit=100"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { papers: { title: string; abstract: string }[]; total: number };
    const searched = (await (await listPapers(request("/api/papers?q=Rank&window=all&limit=100"))).json()) as {
      papers: { title: string }[];
    };
    expect(body.total).toBeGreaterThan(10);
    expect(body.papers.map((p) => p.title)).toEqual(searched.papers.map((p) => p.title));
    await expect(pageRenderer(topicPage)("/topics/rank", { slug: "rank" })).rejects.toThrow(
      "/topics/rank redirects to /?q=Rank",
    );
  });

  it("tags a merged paper again: categories an import brings become its topics", async () => {
    const paper = await temp.db.paper.findFirstOrThrow({ where: { sourceRank: 5 } });
    const result = await temp.store.papers.addPapers(
      [{ title: paper.title, abstract: paper.abstract, categories: ["cs.LG", "cs.CL"], primaryCategory: "cs.LG" }],
      { source: "arxiv", now: NOW, halfLifeHours: 24 },
    );
    expect(result.outcomes[0]).toEqual({ paperId: paper.id, outcome: "merged" });
    const topics = (await temp.store.papers.paperById(paper.id))!.topics.map((t) => t.slug);
    expect(topics).toEqual(expect.arrayContaining(["cs.lg", "cs.cl"]));
    expect(await temp.db.pendingIndex.count()).toBe(0);
  });
});
