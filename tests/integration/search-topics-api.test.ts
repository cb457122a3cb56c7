// GET /api/topics on a temporary db holding the sample papers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../src/app/api/topics/route";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { createRouteTestDb } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;
beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date("2026-11-20T12:00:00Z"), 24);
}, 120_000);
afterAll(() => temp.cleanup());

describe("GET /api/topics", () => {
  it("lists topics with paper counts, most papers first", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      topics: { slug: string; label: string; kind: string; paperCount: number; url: string }[];
    };
    expect(body.topics.length).toBeGreaterThan(20);
    const counts = body.topics.map((t) => t.paperCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.topics).toContainEqual(
      expect.objectContaining({
        slug: "low-rank-adaptation",
        label: "Low-rank adaptation",
        kind: "phrase",
        url: expect.stringMatching(/\/topics\/low-rank-adaptation$/),
      }),
    );
  });
});
