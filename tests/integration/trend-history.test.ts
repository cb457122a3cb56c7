// trending.history: one point per day for the last 14 days from the paper's real signals, the same in
// GET /api/papers/{id}, in GET /api/papers and in the paper page's sparkline (fixed clock).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as paperById } from "../../src/app/api/papers/[id]/route";
import { GET as listPapers } from "../../src/app/api/papers/route";
import { trendHistory } from "../../src/domain/trend-history";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import * as paperPage from "../../src/pages/papers/[slug]";
import { pageRenderer } from "../helpers/page";
import { createRouteTestDb, params, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-26T15:00:00Z");
const HOUR = 3_600_000;
const before = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const renderPaper = pageRenderer(paperPage);

let temp: TempDb;
let paper: { id: number; slug: string };

beforeAll(async () => {
  temp = await createRouteTestDb();
  // The sample arrives ten days ago (its source ranks are signals), then readers vote and look.
  await loadSampleIfEmpty(temp.store, before(240), 24);
  paper = await temp.db.paper.findFirstOrThrow({ where: { sourceRank: 2 }, select: { id: true, slug: true } });
  for (const visitor of ["a", "b", "c"]) await temp.store.trending.upvote(paper.id, visitor, before(100));
  await temp.store.trending.removeVote(paper.id, "c", before(60));
  for (const visitor of ["d", "e", "f", "g"])
    await temp.store.trending.recordView({ paperId: paper.id, visitorId: visitor, now: before(20) });
  await temp.store.trending.upvote(paper.id, "h", before(2));
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
afterAll(async () => {
  vi.useRealTimers();
  await temp.cleanup();
});

type Point = { day: string; score: number };

async function apiHistory(): Promise<{ history: Point[]; score: number }> {
  const response = await paperById(request(`/api/papers/${paper.id}`), params({ id: String(paper.id) }));
  const body = (await response.json()) as { trending: { history: Point[]; score: number } };
  return body.trending;
}

describe("trending.history", () => {
  it("has the last 14 UTC days, computed from the stored signals with the trending formula", async () => {
    const { history, score } = await apiHistory();
    expect(history.map((p) => p.day)).toEqual(
      Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 10, 13 + i)).toISOString().slice(0, 10)),
    );
    const events = await temp.db.paperEvent.findMany({ where: { paperId: paper.id } });
    expect(events.map((e) => e.kind).sort()).toEqual(
      ["source_rank", "unvote", "upvote", "upvote", "upvote", "upvote", "view", "view", "view", "view"].sort(),
    );
    expect(history).toEqual(trendHistory(events, NOW, 24));
    // Before the paper arrived it had no score; today's point is the score the feed ranks by.
    expect(history.slice(0, 3).every((p) => p.score === 0)).toBe(true);
    expect(history.at(-1)!.score).toBeCloseTo(score, 3);
    expect(new Set(history.map((p) => p.score)).size).toBeGreaterThan(5);
  });

  it("is the same in the list API", async () => {
    const response = await listPapers(request("/api/papers?window=all&limit=5"));
    const body = (await response.json()) as { papers: { id: number; trending: { history: Point[] } }[] };
    const listed = body.papers.find((p) => p.id === paper.id);
    expect(listed?.trending.history).toEqual((await apiHistory()).history);
  });

  it("the page's sparkline states exactly the API's numbers, in its description and its table", async () => {
    const { status, html } = await renderPaper(`/papers/${paper.slug}`, { slug: paper.slug });
    expect(status).toBe(200);
    const { history } = await apiHistory();
    const svg = /<svg role="img" aria-labelledby="trend-title trend-desc"[^>]*>([\s\S]*?)<\/svg>/.exec(html)?.[1];
    expect(svg).toBeDefined();
    expect(svg).not.toContain("<script");
    const description = /<desc id="trend-desc">([^<]*)<\/desc>/.exec(svg!)?.[1] ?? "";
    const described = [...description.matchAll(/(\d{4}-\d{2}-\d{2}): (\d+(?:\.\d+)?)/g)].map((m) => ({
      day: m[1],
      score: Number(m[2]),
    }));
    expect(described).toEqual(history);
    const table = [...html.matchAll(/<tr><td class="pr-3">(\d{4}-\d{2}-\d{2})<\/td><td>([\d.]+)<\/td><\/tr>/g)].map(
      (m) => ({ day: m[1], score: Number(m[2]) }),
    );
    expect(table).toEqual(history);
    // CSP-safe: no inline script (the page's scripts are files; its JSON-LD is data, not code).
    expect(html).not.toMatch(/<script(?![^>]*(src=|application\/ld\+json))[^>]*>/);
  });
});
