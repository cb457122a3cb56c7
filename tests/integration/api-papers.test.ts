import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../src/app/api/health/route";
import { GET as listPapers } from "../../src/app/api/papers/route";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { createRouteTestDb, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;

beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date(), 24);
});
afterAll(() => temp.cleanup());

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe("GET /api/health", () => {
  it("reports the db and the paper count", async () => {
    expect(await json(await health())).toEqual({ status: 200, body: { status: "ok", db: "ok", papers: 210 } });
  });
});

describe("GET /api/papers", () => {
  it("lists 20 papers in source order by default, with a cursor to the next page", async () => {
    const { status, body } = await json(await listPapers(request("/api/papers")));
    expect(status).toBe(200);
    expect(body.papers).toHaveLength(20);
    expect(body.papers.map((p: { source: { rank: number } }) => p.source.rank)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(body.papers[0].title).toBe("Activation Space Selectable Kolmogorov-Arnold Networks");
    expect(body.papers[0].trending).toMatchObject({ rank: 1 });
    expect(typeof body.nextCursor).toBe("string");
  });

  it("walks every page with the cursor, without gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = cursor ? `/api/papers?limit=100&cursor=${cursor}` : "/api/papers?limit=100";
      const { body } = await json(await listPapers(request(url)));
      seen.push(...body.papers.map((p: { source: { rank: number } }) => p.source.rank));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 210 }, (_, i) => i + 1));
  });

  it("accepts the edges of limit", async () => {
    expect((await json(await listPapers(request("/api/papers?limit=1")))).body.papers).toHaveLength(1);
    expect((await json(await listPapers(request("/api/papers?limit=100")))).body.papers).toHaveLength(100);
  });

  it("shows clean text, never LaTeX", async () => {
    const { body } = await json(await listPapers(request("/api/papers?limit=100&window=all")));
    const all = [
      ...body.papers,
      ...(await json(await listPapers(request(`/api/papers?limit=100&window=all&cursor=${body.nextCursor}`)))).body
        .papers,
    ];
    for (const paper of all) expect(paper.abstract).not.toMatch(/\\%|\\&|\\textbf|\\emph|\{\\em /);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=1.5", "limit"],
    ["cursor=not-a-cursor", "cursor"],
    ["window=year", "window"],
    ["sort=random", "sort"],
    ["topic=Bad%20Slug!", "topic"],
  ])("answers 400 naming the field for %s", async (query, field) => {
    const { status, body } = await json(await listPapers(request(`/api/papers?${query}`)));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_parameter", field });
    expect(body.error.message).toContain(field);
  });

  it("answers 400 for an unknown topic", async () => {
    const { status, body } = await json(await listPapers(request("/api/papers?topic=no-such-topic")));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "unknown_topic", field: "topic" });
  });

  it("ends with a null cursor on the last page", async () => {
    const { body } = await json(
      await listPapers(request("/api/papers?limit=100&cursor=" + Buffer.from("o200").toString("base64url"))),
    );
    expect(body.papers).toHaveLength(10);
    expect(body.nextCursor).toBeNull();
  });
});
