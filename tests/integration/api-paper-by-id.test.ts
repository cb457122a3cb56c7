import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../src/app/api/papers/[id]/route";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { createRouteTestDb, params, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;

beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date(), 24);
});
afterAll(() => temp.cleanup());

async function get(id: string) {
  const response = await GET(request(`/api/papers/${id}`), params({ id }));
  return { response, body: (await response.json()) as Record<string, any> };
}

describe("GET /api/papers/{id}", () => {
  it("returns the paper with its stored related papers and a cache header", async () => {
    const lora = await temp.db.paper.findFirstOrThrow({ where: { titleText: "LoRA Learns Less and Forgets Less" } });
    const { response, body } = await get(String(lora.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(body).toMatchObject({
      id: lora.id,
      slug: lora.slug,
      title: "LoRA Learns Less and Forgets Less",
      url: expect.stringContaining(`/papers/${lora.slug}`),
    });
    const stored = await temp.db.relatedPaper.findMany({ where: { paperId: lora.id }, orderBy: { rank: "asc" } });
    expect(body.related.map((r: { id: number }) => r.id)).toEqual(stored.map((row) => row.relatedId));
    expect(body.related).toHaveLength(5);
    expect(body.related[0]).toEqual({
      id: expect.any(Number),
      slug: expect.any(String),
      url: expect.stringContaining("/papers/"),
      title: expect.any(String),
    });
    expect(body.trending).toMatchObject({ score: expect.any(Number), reasons: expect.any(Array) });
  });

  it("answers 404 in the JSON error shape for a paper that does not exist", async () => {
    const { response, body } = await get("999999");
    expect(response.status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: "Paper not found" } });
  });

  it.each(["abc", "0", "-1", "1.5", "01", "99999999999", "%20"])(
    "answers 400 naming the field for id %j",
    async (id) => {
      const { response, body } = await get(id);
      expect(response.status).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_parameter", field: "id" });
    },
  );
});
