// Code links in the store: parsed at import (text, arXiv comment, Hugging Face's repository field), merged
// into a paper a second source describes, back-filled by the migration that added them, and `?has=code`
// filtering the API and the Atom feed alike.
import { XMLParser } from "fast-xml-parser";
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listPapers } from "../../src/app/api/papers/route";
import { GET as atomFeed } from "../../src/app/feed.xml/route";
import { paperCodeUrl } from "../../src/domain/code/code-links";
import { parseImport } from "../../src/domain/import/parse-import";
import { parseTextExport } from "../../src/domain/text-export";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { applyPgMigrations, PG_MIGRATIONS_DIR } from "../../src/server/store/postgres/migrate";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/server/store/sqlite/migrate";
import { createRouteTestDb, request } from "../helpers/route";
import { emptyPostgresDatabase, testEngine, type TempDb } from "../helpers/temp-db";

const CODE_MIGRATION = "20261201007000_code_links_keywords";
const NOW = new Date("2026-11-26T12:00:00Z");
const sample = parseTextExport(fs.readFileSync("prisma/sample-papers.txt", "utf8"));
const sampleLinks = sample.map((paper) => paperCodeUrl(paper)).filter((link): link is string => link !== null);

let temp: TempDb;
beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, NOW, 24);
});
afterAll(() => temp.cleanup());

async function api(query: string) {
  const response = await listPapers(request(`/api/papers?${query}`));
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe("?has=code", () => {
  it("the API lists exactly the 41 sample papers with a code link, each with its `code`", async () => {
    const { status, body } = await api("has=code&window=all&limit=100");
    expect(status).toBe(200);
    expect(body.total).toBe(41);
    const codes = body.papers.map((p: { code: string | null }) => p.code);
    expect(new Set(codes)).toEqual(new Set(sampleLinks));
    const lora = body.papers.find((p: { code: string }) => p.code === "https://github.com/microsoft/LoRA");
    expect(lora.title).toMatch(/LoRA/);
    const all = await api("window=all&limit=100");
    expect(all.body.papers.filter((p: { code: string | null }) => p.code === null).length).toBeGreaterThan(0);
  });

  it("filters a search and a topic the same way: every result has code, and none with code is missing", async () => {
    const searched = await api("q=low-rank&window=all&limit=100");
    const withCode = await api("q=low-rank&has=code&window=all&limit=100");
    const expected = searched.body.papers.filter((p: { code: string | null }) => p.code !== null).map((p: any) => p.id);
    expect(withCode.body.papers.map((p: { id: number }) => p.id).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it("the Atom feed holds the same papers, in the same order, each with a Code link", async () => {
    const response = await atomFeed(request("/feed.xml?has=code&window=all&limit=100"));
    const xml = await response.text();
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      isArray: (n) => n === "entry" || n === "link",
    });
    const entries = parser.parse(xml).feed.entry as { link: { "@href": string; "@title"?: string }[] }[];
    const { body } = await api("has=code&window=all&limit=100");
    expect(entries.map((e) => e.link[0]!["@href"])).toEqual(body.papers.map((p: { url: string }) => p.url));
    expect(entries.map((e) => e.link.find((l) => l["@title"] === "Code")?.["@href"])).toEqual(
      body.papers.map((p: { code: string }) => p.code),
    );
  });

  it("anything but has=code is a 400 naming the field", async () => {
    const { status, body } = await api("has=pdf");
    expect(status).toBe(400);
    expect(body.error.field).toBe("has");
    expect(body.error.message).toMatch(/code/);
  });
});

describe("code links from imports", () => {
  it("takes Hugging Face's githubRepo and ai_keywords, and merges them into the paper the sample already has", async () => {
    const title = sample[1]!.title;
    const json = JSON.stringify([
      {
        paper: {
          id: "2410.01623",
          title,
          summary: sample[1]!.abstract,
          authors: [{ name: "A. Author" }],
          upvotes: 5,
          githubRepo: "https://github.com/xichen-fy/Fira",
          ai_keywords: ["low-rank training", "gradient projection"],
        },
      },
    ]);
    const parsed = parseImport(json);
    expect(parsed.papers[0]).toMatchObject({
      codeUrl: "https://github.com/xichen-fy/Fira",
      keywords: ["low-rank training", "gradient projection"],
    });
    const result = await temp.store.papers.addPapers(parsed.papers, { source: "hf", now: NOW, halfLifeHours: 24 });
    expect(result.outcomes[0]!.outcome).toBe("merged");
    const stored = await temp.db.paper.findUniqueOrThrow({ where: { id: result.outcomes[0]!.paperId } });
    expect(stored.codeUrl).toBe("https://github.com/xichen-fy/Fira");
    expect(JSON.parse(stored.keywords)).toEqual(["low-rank training", "gradient projection"]);
  });

  it("reads a repository from an arXiv comment when the abstract names none", async () => {
    const [added] = (
      await temp.store.papers.addPapers(
        [
          {
            title: "A Paper Whose Code Is Only In Its Comment",
            abstract: "We study something without naming a repository.",
            comment: "12 pages; code: https://gitlab.com/lab/tools/thing.",
          },
        ],
        { source: "arxiv", now: NOW, halfLifeHours: 24 },
      )
    ).outcomes;
    const paper = await temp.store.papers.paperById(added!.paperId);
    expect(paper?.codeUrl).toBe("https://gitlab.com/lab/tools/thing");
  });
});

describe("the migration that added code links", () => {
  /** A copy of the engine's migrations up to (not including) the code-link migration. */
  function migrationsBefore(dir: string): string {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
    for (const name of fs.readdirSync(dir))
      if (name < CODE_MIGRATION) fs.cpSync(path.join(dir, name), path.join(copy, name), { recursive: true });
    return copy;
  }
  const rows = sample
    .slice(0, 60)
    .map((paper, i) => [`p${i}`, paper.title, paper.abstract, i === 0 ? "code: github.com/x/from-comment" : null]);
  const expected = rows.map(([, , abstract, comment]) => paperCodeUrl({ abstract: abstract!, comment }));
  const insert = `INSERT INTO "Paper" ("slug", "title", "abstract", "titleText", "abstractText", "titleKey", "comment", "firstSeenAt", "feedAt", "updatedAt", "sourceName")`;

  /** Migrates a new database up to the code-link migration, adds `rows`, migrates the rest; returns the codes. */
  async function sqliteCodesAfterMigration(): Promise<(string | null)[]> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "code-migration-")), "app.db");
    await applyMigrations(file, { dir: migrationsBefore(MIGRATIONS_DIR) });
    const db = new Database(file);
    const add = db.prepare(
      `${insert} VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-01', '2026-11-01', '2026-11-01', 'sample')`,
    );
    for (const [slug, title, abstract, comment] of rows) add.run(slug, title, abstract, title, abstract, slug, comment);
    db.close();
    expect(await applyMigrations(file)).toContain(CODE_MIGRATION);
    const after = new Database(file, { readonly: true });
    const codes = after.prepare(`SELECT "codeUrl" FROM "Paper" ORDER BY "id"`).all() as { codeUrl: string | null }[];
    after.close();
    return codes.map((r) => r.codeUrl);
  }

  async function postgresCodesAfterMigration(): Promise<(string | null)[]> {
    const target = await emptyPostgresDatabase();
    const client = new pg.Client({ connectionString: target.url });
    try {
      await applyPgMigrations(target.url, { dir: migrationsBefore(PG_MIGRATIONS_DIR) });
      await client.connect();
      for (const [slug, title, abstract, comment] of rows)
        await client.query(`${insert} VALUES ($1, $2, $3, $2, $3, $1, $4, now(), now(), now(), 'sample')`, [
          slug,
          title,
          abstract,
          comment,
        ]);
      expect(await applyPgMigrations(target.url)).toContain(CODE_MIGRATION);
      const { rows: codes } = await client.query<{ codeUrl: string | null }>(
        `SELECT "codeUrl" FROM "Paper" ORDER BY "id"`,
      );
      return codes.map((r) => r.codeUrl);
    } finally {
      await client.end().catch(() => undefined);
      await target.drop();
    }
  }

  it(`fills every existing paper's code link with the import's own parser (${testEngine()})`, async () => {
    const codes = testEngine() === "postgres" ? await postgresCodesAfterMigration() : await sqliteCodesAfterMigration();
    expect(codes).toEqual(expected);
    expect(codes[0]).toBe("https://github.com/x/from-comment");
    expect(codes.filter((code) => code !== null).length).toBeGreaterThan(5);
  });
});
