// A file far bigger than the importer's heap imports, streaming: `npm run ingest` runs as a child with a heap
// cap under which parsing the file whole fails, and its peak memory stays below the file's size.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arxivJsonlLine, writePieces } from "../../scripts/synthetic-papers";
import { openDb } from "../../src/server/store/sqlite/prisma-client";

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, "../..");
// The CLI needs about 60 MB of heap for itself; the papers of the whole file take several times the cap.
// The file (about 470 MB) is well above what the importer keeps resident on either engine (250–330 MB, most of
// it outside the capped heap), so the bound below says the file is never held whole, with room to spare.
const HEAP_CAP_MB = 96;
const LINES = 250_000;
const DISTINCT = 2_000;
const BAD_LINE = 100_001;

let dir: string;
let big: string;

/** arXiv snapshot lines (about 1.9 KB each): DISTINCT papers over and over, one line broken. */
function* snapshotPieces(): Generator<string> {
  for (let start = 0; start < LINES; start += 1_000) {
    const lines: string[] = [];
    for (let line = start + 1; line <= Math.min(LINES, start + 1_000); line++) {
      lines.push(line === BAD_LINE ? '{"id": "2501.99999", "title": "cut off' : arxivJsonlLine((line - 1) % DISTINCT));
    }
    yield `${lines.join("\n")}\n`;
  }
}

async function node(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, NODE_ENV: "test" },
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-streaming-"));
  big = path.join(dir, "arxiv-snapshot.jsonl");
  await writePieces(big, snapshotPieces());
}, 300_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("streaming import of a big file", { timeout: 900_000 }, () => {
  it("the file is too big to parse whole under the heap cap", async () => {
    expect(fs.statSync(big).size).toBeGreaterThan(300 * 1024 * 1024);
    // What the importer did before it streamed: read the file whole, then parse it whole.
    const whole = await node([
      `--max-old-space-size=${HEAP_CAP_MB}`,
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `const { parseImport } = await import("./src/domain/import/parse-import.ts");
       const fs = await import("node:fs");
       console.log(parseImport(fs.readFileSync(${JSON.stringify(big)}, "utf8")).papers.length);`,
    ]);
    expect(whole.code).not.toBe(0);
    expect(whole.stderr).toMatch(/heap out of memory/);
  });

  it("imports it with a capped heap, past INGEST_MAX_MB, rejecting the bad line by number", async () => {
    const url = `file:${path.join(dir, "papers.db")}`;
    const peakFile = path.join(dir, "peak-rss");
    const result = await node(
      [
        `--max-old-space-size=${HEAP_CAP_MB}`,
        "--import",
        "tsx",
        "--import",
        "./tests/helpers/record-peak-rss.ts",
        "src/cli/ingest.ts",
        big,
      ],
      { DATABASE_URL: url, INGEST_MAX_MB: "1", PEAK_RSS_FILE: peakFile },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`read ${big} (arxiv-jsonl, ${LINES - 1} valid entries)`);
    expect(result.stdout).toMatch(
      new RegExp(
        `added\\s+${DISTINCT}\\n\\s+merged\\s+0\\n\\s+unchanged\\s+${LINES - 1 - DISTINCT}\\n\\s+skipped\\s+0\\n\\s+rejected\\s+1\\n`,
      ),
    );
    expect(result.stdout).toMatch(new RegExp(`arxiv-snapshot\\.jsonl line ${BAD_LINE}: not a JSON object`));
    const peakMb = Number(fs.readFileSync(peakFile, "utf8"));
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb * 1024 * 1024).toBeLessThan(fs.statSync(big).size);
    const db = await openDb(url.slice("file:".length));
    try {
      expect(await db.paper.count()).toBe(DISTINCT);
      expect(
        await db.paper.findFirst({ where: { arxivId: "2501.00001" }, select: { title: true, publishedAt: true } }),
      ).toEqual({
        title: "Synthetic efficient federated training reasoning scalable synthetic lokalo lennezanlo study 0",
        publishedAt: new Date("2025-01-01T12:00:00Z"),
      });
    } finally {
      await db.$disconnect();
    }
  });
});
