import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
process.env.SECRET_KEY = "vote-route-test-secret-key-0123456789abcdef";
import { DELETE, POST } from "../../src/app/api/papers/[id]/vote/route";
import { resetEnvCache } from "../../src/env";
import { visitorCookie, VISITOR_COOKIE } from "../../src/server/platform/visitor";
import { createRankedPapers, trendingOrder } from "../helpers/ranked-papers";
import { createRouteTestDb, params, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;
let ids: number[];
let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;

beforeEach(async () => {
  resetEnvCache();
  temp = await createRouteTestDb();
  ids = await createRankedPapers(temp, 5, new Date());
});
afterEach(async () => temp.cleanup());
afterAll(() => resetEnvCache());

const cookieOf = (response: Response) => response.headers.get("set-cookie")?.split(";")[0] ?? null;

function vote(
  method: "POST" | "DELETE",
  id: string,
  init: { cookie?: string | null; ip?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const headers: Record<string, string> = { ...init.headers, ...(init.cookie ? { cookie: init.cookie } : {}) };
  const req = request(`/api/papers/${id}/vote`, { method, headers, body: init.body, ip: init.ip ?? freshIp() });
  return (method === "POST" ? POST : DELETE)(req, params({ id }));
}

describe("POST/DELETE /api/papers/{id}/vote", () => {
  it("upvotes, sets the visitor cookie once, and removes idempotently", async () => {
    const id = String(ids[4]);
    const first = await vote("POST", id);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ votes: 1, voted: true });
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(
      new RegExp(`^${VISITOR_COOKIE}=[\\w-]+\\.[\\w-]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax$`),
    );
    const cookie = cookieOf(first);

    const again = await vote("POST", id, { cookie });
    expect(await again.json()).toEqual({ votes: 1, voted: true });
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await temp.db.vote.count()).toBe(1);

    for (let i = 0; i < 2; i++) {
      const removed = await vote("DELETE", id, { cookie });
      expect(await removed.json()).toEqual({ votes: 0, voted: false });
    }
    expect(await trendingOrder(temp.db)).toEqual(ids);
  });

  it("lets votes from several visitors reorder the feed", async () => {
    for (let i = 0; i < 3; i++) expect((await vote("POST", String(ids[3]))).status).toBe(200);
    expect((await trendingOrder(temp.db))[0]).toBe(ids[3]);
  });

  it("treats a forged or tampered cookie as a new visitor, never an error", async () => {
    const genuine = cookieOf(await vote("POST", String(ids[0])))!;
    const [name, value] = genuine.split("=") as [string, string];
    const tampered = `${name}=${value.startsWith("A") ? "B" : "A"}${value.slice(1)}`;
    for (const cookie of [
      tampered,
      `${VISITOR_COOKIE}=abcdefghijklmnopqrst.forged`,
      `${VISITOR_COOKIE}=%%%`,
      `${VISITOR_COOKIE}=`,
    ]) {
      const response = await vote("POST", String(ids[0]), { cookie });
      expect(response.status).toBe(200);
      expect(cookieOf(response)).not.toBe(genuine);
      expect(cookieOf(response)).toMatch(new RegExp(`^${VISITOR_COOKIE}=`));
    }
    expect(await temp.db.vote.count()).toBe(5);
  });

  it("answers 400 naming the id for a malformed id, and 404 for a missing paper", async () => {
    for (const bad of ["abc", "0", "-1", "1.5", "12345678901", "1e3"]) {
      const response = await vote("POST", bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_parameter", field: "id" } });
    }
    const missing = await vote("DELETE", "9999");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Paper not found" } });
  });

  it("rate-limits votes per IP with 429 and Retry-After", async () => {
    for (let i = 0; i < 30; i++) expect((await vote("POST", String(ids[i % 5]), { ip: "10.9.9.9" })).status).toBe(200);
    const limited = await vote("POST", String(ids[0]), { ip: "10.9.9.9" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await vote("POST", String(ids[0]), { ip: "10.9.9.10" })).status).toBe(200);
  });

  it("serves the no-JavaScript form: 303 back to the same-origin path", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" };
    const body = new URLSearchParams({ action: "upvote", redirect: "/?window=week#paper-3-title" }).toString();
    const up = await vote("POST", String(ids[2]), { headers: form, body });
    expect(up.status).toBe(303);
    expect(up.headers.get("location")).toBe("/?window=week#paper-3-title");
    const cookie = cookieOf(up);
    expect(cookie).not.toBeNull();
    const down = await vote("POST", String(ids[2]), { headers: form, body: "action=remove", cookie });
    expect(down.status).toBe(303);
    expect(down.headers.get("location")).toBe("/");
    expect(await temp.db.vote.count()).toBe(0);
  });

  it("refuses form redirects off the site and unknown actions, naming the field", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    for (const redirect of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
      "/a b",
    ]) {
      const response = await vote("POST", String(ids[0]), {
        headers: form,
        body: new URLSearchParams({ action: "upvote", redirect }).toString(),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { field: "redirect" } });
    }
    const badAction = await vote("POST", String(ids[0]), { headers: form, body: "action=downvote" });
    expect(await badAction.json()).toMatchObject({ error: { field: "action" } });
    expect(await temp.db.vote.count()).toBe(0);
  });

  it("refuses votes sent from another site", async () => {
    const fromElsewhere = await vote("POST", String(ids[0]), { headers: { origin: "https://evil.example" } });
    expect(fromElsewhere.status).toBe(403);
    expect((await vote("POST", String(ids[0]), { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect(
      (
        await vote("POST", String(ids[0]), {
          headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
        })
      ).status,
    ).toBe(200);
  });

  it("marks the cookie Secure when the site is served over https", () => {
    process.env.APP_URL = "https://papers.example.org";
    resetEnvCache();
    try {
      expect(visitorCookie("abcdefghijklmnopqrstuvwx")).toMatch(/; Secure$/);
    } finally {
      delete process.env.APP_URL;
      resetEnvCache();
    }
  });
});
