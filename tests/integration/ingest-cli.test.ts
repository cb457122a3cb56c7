// `npm run ingest` as an operator runs it: a child process on a fresh DATABASE_URL (migrated by the CLI).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { arxivJsonlLine } from "../../scripts/synthetic-papers";
import { openDb, type Db } from "../../src/server/store/sqlite/prisma-client";
import { applyMigrations } from "../../src/server/store/sqlite/migrate";

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/ingest");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

let dir: string;
let url: string;

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ["src/cli/ingest.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, INGEST_MAX_MB: "25", NODE_ENV: "test" },
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A migrated, empty database at `url`, for tests about what a failed import leaves behind. */
async function migratedEmptyDb(): Promise<void> {
  fs.mkdirSync(path.join(dir, "fresh"));
  await applyMigrations(url.slice("file:".length));
}

async function withDb<T>(read: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(url.slice("file:".length));
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
  }
}

// Each test gets its own folder and database path; nothing exists there until the test makes it.
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-cli-"));
  url = `file:${path.join(dir, "fresh", "papers.db")}`;
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each run starts tsx and applies migrations: seconds apiece on this machine.
describe("npm run ingest", { timeout: 300_000 }, () => {
  it("rejects bad arguments with usage (exit 2) before touching anything", async () => {
    const noInput = await ingest();
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toMatch(/give at least one file or URL\nusage: npm run ingest/);
    const badFormat = await ingest(path.join(FIXTURES, "trending-export.txt"), "--format", "csv");
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain(
      "--format must be one of auto, arxiv-atom, arxiv-rss, arxiv-jsonl, hf-daily, text",
    );
  });

  it("migrates a fresh database, imports, and prints an honest summary without a progress bar off a TTY", async () => {
    const result = await ingest(path.join(FIXTURES, "arxiv-api-page.xml"), path.join(FIXTURES, "hf-daily-papers.json"));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Import finished:");
    // The Hugging Face entry of a paper the arXiv page brought adds its keywords: a merge.
    expect(result.stdout).toMatch(/added\s+5\n\s+merged\s+1\n\s+unchanged\s+0\n\s+skipped\s+0\n\s+rejected\s+1/);
    expect(result.stdout).toMatch(/hf-daily-papers\.json entry 3: abstract: missing/);
    expect(await withDb((db) => db.paper.count())).toBe(5);
  });

  it("a dry run reports and writes nothing; --source names the source", async () => {
    expect(
      (await ingest(path.join(FIXTURES, "arxiv-api-page.xml"), path.join(FIXTURES, "hf-daily-papers.json"))).code,
    ).toBe(0);
    const dry = await ingest(path.join(FIXTURES, "trending-export.txt"), "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run: nothing was written/);
    // LoRA and k-sparse attention are stored with every fact the export has: unchanged.
    expect(dry.stdout).toMatch(/added\s+1\n\s+merged\s+0\n\s+unchanged\s+2/);
    expect(await withDb((db) => db.paper.count())).toBe(5);
    const real = await ingest(path.join(FIXTURES, "trending-export.txt"), "--source", "weekly-export");
    expect(real.code).toBe(0);
    expect(
      await withDb((db) =>
        db.paper.findFirst({ where: { title: "Token Merging for Fast Diffusion" }, select: { sourceName: true } }),
      ),
    ).toEqual({
      sourceName: "weekly-export",
    });
  });

  it.each([
    [
      "a truncated XML file",
      "cut.xml",
      () => fs.readFileSync(path.join(FIXTURES, "arxiv-api-page.xml"), "utf8").slice(0, 1_800),
      /cut\.xml: malformed XML/,
    ],
    [
      "JSON of the wrong shape",
      "shape.json",
      () => '{"items": []}',
      /shape\.json: not a Hugging Face daily-papers file/,
    ],
    ["an empty file", "empty.txt", () => "", /empty\.txt: the input is empty/],
  ])("exits 1 and writes nothing for %s", async (_name, file, content, message) => {
    await migratedEmptyDb();
    const good = path.join(FIXTURES, "arxiv-listing-cs-lg.rss");
    fs.writeFileSync(path.join(dir, file), content());
    const result = await ingest(good, path.join(dir, file));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Nothing was imported.");
    expect(await withDb((db) => db.paper.count({ where: { arxivId: "2501.07101" } }))).toBe(0);
  });

  it("--timings: a many-batch import says where its time went on each thread, and leaves nothing pending", async () => {
    // More papers than one batch (2,000), so the related lists are computed by the worker thread.
    const papers = 2_500;
    const file = path.join(dir, "snapshot.jsonl");
    fs.writeFileSync(file, `${Array.from({ length: papers }, (_, i) => arxivJsonlLine(i)).join("\n")}\n`);
    const result = await ingest(file, "--timings");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`added\\s+${papers}\\b`));
    expect(result.stdout).toContain("where the time went");
    for (const step of [
      "checking pass",
      "batch: insert papers (rows, indexes, FTS5)",
      "index: storing the worker's related lists",
      "worker: related: compute the lists",
      "main thread: CPU time",
      "worker: thread: CPU time",
    ])
      expect(result.stdout).toContain(step);
    const { pending, listed } = await withDb(async (db) => ({
      pending: await db.pendingIndex.count(),
      listed: (await db.relatedPaper.groupBy({ by: ["paperId"] })).length,
    }));
    expect(pending).toBe(0);
    expect(listed).toBe(papers);
  });

  it("refuses a missing file and a directory, writing nothing", async () => {
    await migratedEmptyDb();
    const missing = await ingest(path.join(dir, "nope.xml"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.xml: cannot read it \(ENOENT\)/);
    const folder = await ingest(FIXTURES);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/ingest: .*fixtures\/ingest: not a file\nNothing was imported\./);
    expect(await withDb((db) => db.paper.count())).toBe(0);
  });
});
