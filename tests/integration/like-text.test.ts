// ?like=<text>: papers ranked by tf-idf similarity to a pasted paragraph, on the API and the page, with the
// page's other filters, and a 400 naming the field for a text that is too long.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listPapers } from "../../src/app/api/papers/route";
import { MAX_LIKE_LENGTH } from "../../src/domain/feed-params";
import * as home from "../../src/pages/index";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { pageRenderer } from "../helpers/page";
import { createRouteTestDb, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

const LORA_LIKE =
  "We freeze the pretrained weights of a large language model and fine-tune it for a downstream task by " +
  "injecting small trainable low-rank matrices beside each weight matrix, so only a tiny fraction of the " +
  "parameters is trained and the adapters can be merged back after training.";
/** A paper of the LoRA family names LoRA or low-rank adaptation in its title or abstract. */
const inLoraFamily = (p: { title: string; abstract: string }) =>
  /\bLoRA\b|low-rank adapt/i.test(`${p.title} ${p.abstract}`);

let temp: TempDb;
beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date(), 24);
});
afterAll(() => temp.cleanup());

async function api(query: Record<string, string>) {
  const response = await listPapers(request(`/api/papers?${new URLSearchParams(query)}`));
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe("?like=", () => {
  it("finds the LoRA family for a LoRA-like paragraph that never says “LoRA”", async () => {
    const { status, body } = await api({ like: LORA_LIKE, window: "all", limit: "10" });
    expect(status).toBe(200);
    const papers = body.papers as { title: string; abstract: string }[];
    // 22 of the 210 sample papers are of the family; the top ten of this ranking are mostly them.
    expect(papers.slice(0, 5).filter(inLoraFamily).length).toBeGreaterThanOrEqual(4);
    expect(papers.filter(inLoraFamily).length).toBeGreaterThanOrEqual(7);
    expect(papers.slice(0, 3).map((p) => p.title)).toContain("LoRA: Low-Rank Adaptation of Large Language Models");
    expect(body.total).toBeGreaterThan(10);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it("pages without repeats and narrows by the other filters", async () => {
    const first = await api({ like: LORA_LIKE, window: "all", limit: "5" });
    const second = await api({ like: LORA_LIKE, window: "all", limit: "5", cursor: first.body.nextCursor });
    const ids = [...first.body.papers, ...second.body.papers].map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(10);
    const top10 = await api({ like: LORA_LIKE, window: "all", limit: "10" });
    expect(ids).toEqual(top10.body.papers.map((p: { id: number }) => p.id));
    const withCode = await api({ like: LORA_LIKE, window: "all", has: "code", limit: "100" });
    expect(withCode.body.papers.length).toBeGreaterThan(0);
    expect(withCode.body.papers.every((p: { code: string | null }) => p.code !== null)).toBe(true);
  });

  it("finds nothing for words the corpus never uses", async () => {
    const { status, body } = await api({ like: "zyxxyq wvutts qqqxr", window: "all" });
    expect(status).toBe(200);
    expect(body.papers).toEqual([]);
    expect(body.total).toBe(0);
  });

  it("answers a text longer than the limit with a 400 naming `like`", async () => {
    const { status, body } = await api({ like: "word ".repeat(MAX_LIKE_LENGTH / 5 + 1) });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ field: "like" });
    expect(body.error.message).toContain(String(MAX_LIKE_LENGTH));
  });

  it("the page shows the same papers in the same order, without JavaScript", async () => {
    const { html } = await pageRenderer(home)(`/?${new URLSearchParams({ like: LORA_LIKE, window: "all" })}`);
    expect(html).toContain("Papers like your text");
    const { body } = await api({ like: LORA_LIKE, window: "all" });
    const onPage = [...html.matchAll(/<a href="\/papers\/([^"]+)" class="hover:underline">/g)].map((m) => m[1]);
    expect(onPage).toEqual(body.papers.map((p: { slug: string }) => p.slug));
  });
});
