// Through the production server (src/cli/serve.ts, as `npm start` runs it), on both engines: security headers on
// every kind of response, cross-site subscribe and manage posts refused while the one-click unsubscribe is not,
// simultaneous clicks on one digest link counted once, and a past edition that reveals no reader's topics.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../src/env";
import { clickToken } from "../../src/server/digest/click-token";
import { manageToken } from "../../src/server/subscriptions/links";
import { appEnv } from "../helpers/app-env";
import { ensureBuilt, startNext, type AppProcess } from "../helpers/app-process";
import { BUILD_TIMEOUT_MS } from "../helpers/app-server";
import { addSubscriber, NOW } from "../helpers/digest-fixtures";
import { freePort } from "../helpers/free-port";
import { createSampleDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
let server: AppProcess;
let httpsServer: AppProcess;
let slug: string;
beforeAll(async () => {
  await ensureBuilt();
  temp = await createSampleDb(NOW);
  const env = appEnv(temp, await freePort());
  // The test signs manage and click tokens as the server would.
  process.env.SECRET_KEY = env.SECRET_KEY;
  resetEnvCache();
  server = await startNext(Number(env.PORT), env);
  const httpsPort = await freePort();
  // Behind a TLS proxy: the app speaks http on its port, its public URL is https.
  httpsServer = await startNext(httpsPort, { ...env, PORT: String(httpsPort), APP_URL: "https://papers.example.org" });
  slug = (await temp.db.paper.findFirstOrThrow({ where: { id: 1 } })).slug;
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => {
  await server?.stop();
  await httpsServer?.stop();
  await temp?.cleanup();
});

const get = (path: string, base = server.url) => fetch(`${base}${path}`, { redirect: "manual" });

/** TRACE, which fetch() refuses to send, through node:http; answered as a Response for the same checks. */
function traceRequest(base: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/`, { method: "TRACE" }, (answer) => {
      answer.resume();
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers))
        if (typeof value === "string") headers.set(name, value);
      answer.on("end", () => resolve(new Response(null, { status: answer.statusCode, headers })));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("security headers", () => {
  it("are on pages, API answers, feeds, static files, 404s and refusals", async () => {
    const responses: [string, number, Response][] = [
      ["page", 200, await get("/")],
      ["paper page", 200, await get(`/papers/${slug}`)],
      ["API", 200, await get("/api/papers?limit=1")],
      ["API 404", 404, await get("/api/papers/999999")],
      ["API 400", 400, await get("/api/papers?limit=nope")],
      ["feed", 200, await get("/feed.xml")],
      ["static file", 200, await get("/enhance.js")],
      ["build asset 404", 404, await get("/_next/static/chunks/missing.js")],
      ["page 404", 404, await get("/no/such/page")],
      ["refused method", 405, await traceRequest(server.url)],
    ];
    for (const [what, status, response] of responses) {
      expect(response.status, what).toBe(status);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, what).toContain("script-src 'self';");
      expect(csp, what).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp, what).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(response.headers.get("permissions-policy"), what).toContain("camera=()");
      expect(response.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
      // http APP_URL: no HSTS (a browser would pin a name that may never have TLS).
      expect(response.headers.get("strict-transport-security"), what).toBeNull();
    }
  });

  it("pages whose address carries a token send no referrer", async () => {
    const reader = await addSubscriber(temp.db, { email: "headers@example.com" });
    const token = encodeURIComponent(manageToken(reader));
    const click = clickToken({ deliveryId: 1, paperId: 1 });
    for (const path of [
      `/subscription?token=${token}`,
      `/subscription?token=forged`,
      `/unsubscribe?token=${token}`,
      `/subscription/confirm?token=${"x".repeat(43)}`,
      `/digest/preview?token=${token}`,
      `/r/${click}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self';");
    }
  });

  it("HSTS only when APP_URL is https", async () => {
    for (const path of ["/", "/api/health", "/enhance.js", "/missing"]) {
      const response = await get(path, httpsServer.url);
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=63072000");
      expect(response.headers.get("content-security-policy"), path).toContain("upgrade-insecure-requests");
    }
  });
});

const CROSS_SITE = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const post = (path: string, headers: Record<string, string>, body: string) =>
  fetch(`${server.url}${path}`, { method: "POST", headers, body, redirect: "manual" });

describe("cross-site posts", () => {
  it("to subscribe are refused with 403 and nothing stored or sent", async () => {
    const email = "forged@example.com";
    const attempts = [
      await post("/api/subscriptions", { ...FORM, ...CROSS_SITE }, new URLSearchParams({ email }).toString()),
      // A browser that sends Origin but no Sec-Fetch-Site.
      await post("/api/subscriptions", { ...FORM, origin: "https://evil.example" }, `email=${email}`),
      await post(
        "/api/subscriptions",
        { "content-type": "application/json", "sec-fetch-site": "cross-site" },
        JSON.stringify({ email }),
      ),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(await attempts[2]!.json()).toMatchObject({ error: { code: "cross_site" } });
    expect(await temp.db.subscriber.count({ where: { email } })).toBe(0);
    // Our own page's form (same-origin), and a program (no browser headers), still subscribe.
    const own = await post(
      "/api/subscriptions",
      { ...FORM, origin: server.url, "sec-fetch-site": "same-origin" },
      `email=${email}`,
    );
    expect(own.status).toBe(303);
    expect(await temp.db.subscriber.count({ where: { email } })).toBe(1);
  });

  it("to the subscribe page's own form are refused with 403 and nothing stored", async () => {
    const email = "forged-page@example.com";
    const forged = await post("/subscribe", { ...FORM, ...CROSS_SITE }, new URLSearchParams({ email }).toString());
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("sent from another site");
    expect(await temp.db.subscriber.count({ where: { email } })).toBe(0);
    const own = await post(
      "/subscribe",
      { ...FORM, origin: server.url, "sec-fetch-site": "same-origin" },
      `email=${email}`,
    );
    expect(own.status).toBe(303);
    expect(await temp.db.subscriber.count({ where: { email } })).toBe(1);
  });

  it("to manage are refused with 403 and change nothing; the one-click unsubscribe POST is exempt", async () => {
    const reader = await addSubscriber(temp.db, { email: "managed@example.com" });
    const token = manageToken(reader);
    const body = new URLSearchParams({ token, action: "pause" }).toString();
    const forged = await post("/api/subscriptions/manage", { ...FORM, ...CROSS_SITE }, body);
    expect(forged.status).toBe(403);
    const json = await post(
      "/api/subscriptions/manage",
      { "content-type": "application/json", origin: "https://evil.example" },
      JSON.stringify({ token, action: "unsubscribe" }),
    );
    expect(json.status).toBe(403);
    expect((await temp.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).status).toBe("active");
    // Our manage page sends no referrer, so its form posts carry Origin: null; Sec-Fetch-Site says same-origin.
    const own = await post(
      "/api/subscriptions/manage",
      { ...FORM, origin: "null", "sec-fetch-site": "same-origin" },
      body,
    );
    expect(own.status).toBe(303);
    expect((await temp.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).status).toBe("paused");
    // RFC 8058: the mail client posts from wherever it runs; the token is the authority.
    const oneClick = await post(
      `/unsubscribe?token=${encodeURIComponent(token)}`,
      { ...FORM, ...CROSS_SITE },
      "List-Unsubscribe=One-Click",
    );
    expect(oneClick.status).toBe(200);
    expect((await temp.db.subscriber.findUniqueOrThrow({ where: { id: reader.id } })).status).toBe("unsubscribed");
  });
});

describe("races", () => {
  it("twenty simultaneous requests for one digest link count one click", async () => {
    const target = { deliveryId: 4242, paperId: 2 };
    const responses = await Promise.all(Array.from({ length: 20 }, () => get(`/r/${clickToken(target)}`)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(302));
    expect(await temp.db.paperEvent.count({ where: { paperId: 2, kind: "click", source: "digest:4242" } })).toBe(1);
  });

  it("a past edition lists only papers that enough readers received, with no per-paper count", async () => {
    const run = await temp.db.digestRun.create({ data: { date: "2026-11-20", startedAt: NOW, finishedAt: NOW } });
    const [widely, niche] = await temp.db.paper.findMany({ where: { id: { in: [3, 4] } }, orderBy: { id: "asc" } });
    for (let i = 0; i < 6; i++) {
      const reader = await addSubscriber(temp.db, { email: `archive${i}@example.com` });
      // One reader's topics brought them the niche paper too.
      const paperIds = i === 0 ? [widely!.id, niche!.id] : [widely!.id];
      await temp.db.delivery.create({
        data: {
          runId: run.id,
          subscriberId: reader.id,
          status: "sent",
          sentAt: NOW,
          paperIds: JSON.stringify(paperIds),
        },
      });
    }
    const response = await get("/digest/2026-11-20");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Sent to 6 readers");
    expect(html).toContain(`href="/papers/${widely!.slug}"`);
    expect(html).not.toContain(`/papers/${niche!.slug}"`);
    // The edition's total only, never a per-paper count.
    expect(html.match(/Sent to \d+ reader/g)).toEqual(["Sent to 6 reader"]);
  });
});
