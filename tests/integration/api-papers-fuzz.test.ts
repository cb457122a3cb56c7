// Any query string through GET /api/papers?q= answers 200 with valid JSON: FTS syntax, fuse operators,
// regex metacharacters, emoji, right-to-left text, combining marks and NUL bytes are searched as text.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as listPapers } from "../../src/app/api/papers/route";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { createRouteTestDb, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;

beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date("2026-11-20T08:00:00Z"), 24);
});
afterAll(() => temp.cleanup());

const hostile = fc.constantFrom(
  '"',
  "*",
  ":",
  "^",
  "(",
  ")",
  "-",
  "NEAR",
  "AND",
  "OR",
  "NOT",
  "'",
  "!",
  "=",
  "|",
  ".*",
  "[a-",
  "\\",
  "$",
  "🧠",
  "שלום",
  "مرحبا",
  "e\u0301",
  "\u0000",
  "lora",
  "kolmogorov",
  " ",
);
const queries = fc.oneof(
  fc.string({ unit: "binary", maxLength: 250 }),
  fc.array(hostile, { maxLength: 12 }).map((parts) => parts.join("")),
  fc.array(fc.oneof(hostile, fc.string({ maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join(" ")),
);

it("answers 1,000 random and hostile queries with 200 and a valid page", async () => {
  await fc.assert(
    fc.asyncProperty(queries, async (q) => {
      const response = await listPapers(request(`/api/papers?window=all&q=${encodeURIComponent(q)}`));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { papers: unknown[]; total: number; nextCursor: string | null };
      expect(Array.isArray(body.papers)).toBe(true);
      expect(body.papers.length).toBeLessThanOrEqual(20);
      expect(Number.isInteger(body.total)).toBe(true);
    }),
    { numRuns: 1000 },
  );
}, 300_000);
