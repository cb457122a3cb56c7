import { afterEach, beforeEach, describe, expect, it } from "vitest";
process.env.SECRET_KEY = "views-test-secret-key-0123456789abcdefghij";
import { POST } from "../../src/app/api/papers/[id]/view/route";
import { resetEnvCache } from "../../src/env";
import { isCountableView } from "../../src/server/trending/countable-view";
import { createRankedPapers } from "../helpers/ranked-papers";
import { createRouteTestDb, params, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-26T23:30:00.000Z");
let temp: TempDb;
let ids: number[];
beforeEach(async () => {
  resetEnvCache();
  temp = await createRouteTestDb();
  ids = await createRankedPapers(temp, 3, NOW);
});
afterEach(async () => temp.cleanup());

const viewEvents = () => temp.db.paperEvent.count({ where: { kind: "view" } });

describe("recordView", () => {
  it("counts a visitor once per paper per UTC day", async () => {
    const paperId = ids[0]!;
    const keyBefore = (await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } })).trendKey;
    expect(await temp.store.trending.recordView({ paperId, visitorId: "ann", now: NOW })).toBe("counted");
    expect(
      await temp.store.trending.recordView({ paperId, visitorId: "ann", now: new Date("2026-11-26T23:59:59.999Z") }),
    ).toBe("already_counted");
    expect(await temp.store.trending.recordView({ paperId, visitorId: "bob", now: NOW })).toBe("counted");
    expect(await temp.store.trending.recordView({ paperId: ids[1]!, visitorId: "ann", now: NOW })).toBe("counted");
    // Half an hour later it is the next UTC day.
    expect(
      await temp.store.trending.recordView({ paperId, visitorId: "ann", now: new Date("2026-11-27T00:00:00.000Z") }),
    ).toBe("counted");
    expect(await viewEvents()).toBe(4);
    expect(await temp.db.pageView.count()).toBe(4);
    expect((await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } })).trendKey).toBeGreaterThan(keyBefore);
  });

  it("reports a missing paper without writing anything", async () => {
    expect(await temp.store.trending.recordView({ paperId: 9999, visitorId: "ann", now: NOW })).toBe("no_paper");
    expect(await temp.db.pageView.count()).toBe(0);
  });
});

describe("isCountableView", () => {
  const countable = (method: string, headers: Record<string, string> = {}) =>
    isCountableView(method, new Headers(headers));
  const browser = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };

  it("counts a plain browser request", () => {
    expect(countable("GET", browser)).toBe(true);
    expect(countable("POST", browser)).toBe(true);
  });

  it("skips HEAD, prefetches and bots", () => {
    expect(countable("HEAD", browser)).toBe(false);
    expect(countable("GET", { ...browser, purpose: "prefetch" })).toBe(false);
    expect(countable("GET", { ...browser, "sec-purpose": "prefetch;prerender" })).toBe(false);
    expect(countable("GET", { ...browser, "next-router-prefetch": "1" })).toBe(false);
    expect(countable("GET", { ...browser, "x-middleware-prefetch": "1" })).toBe(false);
    for (const ua of [
      "Googlebot/2.1",
      "Mozilla/5.0 (compatible; bingbot/2.0)",
      "SomeCrawler",
      "Baiduspider",
      "Slack Link Preview",
      "facebookexternalhit PREVIEW",
    ]) {
      expect(countable("GET", { "user-agent": ua })).toBe(false);
    }
  });
});

describe("POST /api/papers/{id}/view", () => {
  const beacon = (id: string, headers: Record<string, string> = {}) =>
    POST(
      request(`/api/papers/${id}/view`, {
        method: "POST",
        headers: { "user-agent": "Mozilla/5.0 Firefox/140.0", ...headers },
        ip: "10.1.1.1",
      }),
      params({ id }),
    );

  it("counts the first view, sets the visitor cookie, and not the second from the same visitor", async () => {
    const first = await beacon(String(ids[0]));
    expect(await first.json()).toEqual({ counted: true });
    const cookie = first.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^pd_visitor=/);
    const second = await beacon(String(ids[0]), { cookie });
    expect(await second.json()).toEqual({ counted: false });
    expect(await viewEvents()).toBe(1);
  });

  it("does not count bots or prefetches", async () => {
    expect(await (await beacon(String(ids[0]), { "user-agent": "Googlebot/2.1" })).json()).toEqual({ counted: false });
    expect(await (await beacon(String(ids[0]), { "sec-purpose": "prefetch" })).json()).toEqual({ counted: false });
    expect(await viewEvents()).toBe(0);
  });

  it("answers 400 for a malformed id and 404 for a missing paper", async () => {
    const bad = await beacon("x1");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: "id" } });
    expect((await beacon("4242")).status).toBe(404);
  });
});
