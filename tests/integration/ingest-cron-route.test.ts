// GET /api/cron/ingest called as Next calls it: bearer auth, fetch of INGEST_SOURCES from a local server, counts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as cronIngest } from "../../src/app/api/cron/ingest/route";
import { resetEnvCache } from "../../src/env";
import { startFeedServer, type FeedServer } from "../helpers/feed-server";
import { createRouteTestDb, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";
import { fixture } from "../helpers/ingest-fixtures";

const SECRET = "cron-secret-for-ingest-tests-0123";

let server: FeedServer;
let temp: TempDb;

function configure(sources: string): void {
  process.env.CRON_SECRET = SECRET;
  process.env.INGEST_SOURCES = sources;
  resetEnvCache();
}

beforeAll(async () => {
  server = await startFeedServer();
  server.script("/api/query?search_query=cat:cs.CL", [{ body: fixture("arxiv-api-page.xml") }]);
  server.script("/daily_papers", [
    { body: fixture("hf-daily-papers.json"), headers: { "Content-Type": "application/json" } },
  ]);
  server.script("/missing", [{ status: 404, body: "no" }]);
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  temp = await createRouteTestDb();
  server.requests.length = 0;
});
afterEach(async () => {
  await temp.cleanup();
});

const call = (headers: Record<string, string> = {}, query = "") =>
  cronIngest(request(`/api/cron/ingest${query}`, { headers }));
const bearer = { authorization: `Bearer ${SECRET}` };

describe("GET /api/cron/ingest", () => {
  it.each([
    ["no Authorization header", {}, ""],
    ["a wrong bearer", { authorization: "Bearer wrong-secret-wrong-secret" }, ""],
    ["the secret in the query string", {}, `?secret=${SECRET}`],
  ])("answers 401 and fetches nothing for %s", async (_name, headers, query) => {
    configure(`${server.url}/daily_papers`);
    const response = await call(headers, query);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect(server.requests).toHaveLength(0);
    expect(await temp.db.fetchLog.count()).toBe(0);
  });

  it("fetches every configured source, imports it and answers the counts", async () => {
    configure(`${server.url}/api/query?search_query=cat:cs.CL   ${server.url}/daily_papers`);
    const response = await call(bearer);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { sources: unknown[] };
    expect(body.sources).toEqual([
      {
        source: `${server.url}/api/query?search_query=cat:cs.CL`,
        status: "ok",
        pages: 1,
        added: 4,
        merged: 0,
        unchanged: 0,
        rejected: 0,
        error: null,
      },
      {
        source: `${server.url}/daily_papers`,
        status: "ok",
        pages: 1,
        added: 1,
        // The entry of a paper the arXiv source brought adds its Hugging Face keywords.
        merged: 1,
        unchanged: 0,
        rejected: 1,
        error: null,
      },
    ]);
    expect(await temp.db.paper.count()).toBe(5);
    expect(await temp.db.fetchLog.count()).toBe(2);
  });

  it("answers 502 in the error shape, with the per-source outcome, when a source fails", async () => {
    configure(`${server.url}/missing`);
    const response = await call(bearer);
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { code: string; message: string }; sources: { status: string }[] };
    expect(body.error).toEqual({
      code: "fetch_failed",
      message: expect.stringMatching(/1 of 1 sources failed: .*HTTP 404/),
    });
    expect(body.sources.map((s) => s.status)).toEqual(["failed"]);
    expect(await temp.db.fetchLog.findFirst()).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/HTTP 404/),
    });
  });

  it("answers 503 naming INGEST_SOURCES when nothing is configured", async () => {
    configure("");
    const response = await call(bearer);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: "not_configured", message: expect.stringContaining("INGEST_SOURCES"), field: "INGEST_SOURCES" },
    });
  });
});
