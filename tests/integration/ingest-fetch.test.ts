// The scheduled fetch against a local HTTP server: paging, pacing, retries on 503 and timeouts, FetchLog.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../src/env";
import { runScheduledIngest } from "../../src/server/ingest/scheduled-ingest";
import { startFeedServer, type FeedServer } from "../helpers/feed-server";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { fixture } from "../helpers/ingest-fixtures";

process.env.INGEST_CONTACT = "ops@example.org";
resetEnvCache();

const NOW = new Date("2025-01-15T06:30:00Z");
const DELAY = 150;

/** The fixture's arXiv API page split into two pages of two entries, as the API pages a query. */
function apiPage(start: number): string {
  const xml = fixture("arxiv-api-page.xml");
  const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g)!;
  const head = xml
    .slice(0, xml.indexOf("<entry>"))
    .replace(/startIndex([^>]*)>0</, `startIndex$1>${start}<`)
    .replace(/itemsPerPage([^>]*)>4</, "itemsPerPage$1>2<");
  return `${head}${entries.slice(start, start + 2).join("\n")}\n</feed>`;
}

let server: FeedServer;
let temp: TempDb;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  temp = await createTempDb();
  server.requests.length = 0;
});
afterEach(async () => {
  await temp.cleanup();
});

/** When the client started each request and when its answer (or failure) came back. */
let calls: { start: number; end: number }[] = [];
const recordingFetch = async (url: string, init: RequestInit) => {
  const call = { start: Date.now(), end: 0 };
  calls.push(call);
  try {
    return await fetch(url, init);
  } finally {
    call.end = Date.now();
  }
};
/** Pauses between the end of one request and the start of the next, as the client saw them. */
const pauses = () => calls.slice(1).map((call, i) => call.start - calls[i]!.end);

// Local answers get a deadline they cannot miss however busy the machine; only the test about a source that
// never answers sets a short one.
const run = (sources: string[], extra: { timeoutMs?: number; maxAttempts?: number } = {}) => {
  calls = [];
  return runScheduledIngest({
    store: temp.store,
    halfLifeHours: 24,
    maxResults: 2_000,
    now: NOW,
    sources,
    fetch: recordingFetch,
    delayMs: DELAY,
    timeoutMs: extra.timeoutMs ?? 30_000,
    maxAttempts: extra.maxAttempts ?? 3,
  });
};

describe("runScheduledIngest", () => {
  it("pages through an arXiv query with a pause between requests and a User-Agent naming the contact", async () => {
    server.script("/api/query?search_query=cat:cs.CL&max_results=2", [{ body: apiPage(0) }]);
    server.script("/api/query?search_query=cat%3Acs.CL&max_results=2&start=2", [{ body: apiPage(2) }]);
    const [outcome] = await run([`${server.url}/api/query?search_query=cat:cs.CL&max_results=2`]);
    expect(outcome).toMatchObject({
      status: "ok",
      pages: 2,
      added: 4,
      merged: 0,
      unchanged: 0,
      rejected: 0,
      error: null,
    });
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/query?search_query=cat:cs.CL&max_results=2",
      "/api/query?search_query=cat%3Acs.CL&max_results=2&start=2",
    ]);
    expect(pauses()[0]).toBeGreaterThanOrEqual(DELAY);
    expect(server.requests[0]!.userAgent).toMatch(/^paper-digest\/\S+ \(.*mailto:ops@example\.org\)$/);
    const [log] = await temp.db.fetchLog.findMany();
    expect(log).toMatchObject({
      source: outcome!.source,
      status: "ok",
      added: 4,
      merged: 0,
      unchanged: 0,
      rejected: 0,
      error: null,
    });
    expect(log!.startedAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(log!.finishedAt!.getTime()).toBeGreaterThanOrEqual(log!.startedAt.getTime() + DELAY);
  });

  it("survives a 503 and a timeout by retrying with backoff, then imports", async () => {
    server.script("/hf.json", [
      { status: 503, body: "busy", headers: { "Retry-After": "0" } },
      { body: fixture("hf-daily-papers.json"), headers: { "Content-Type": "application/json" } },
    ]);
    // The second attempt times out: it fails as fetch does when its timeout signal fires. (A real timeout
    // would need the other, local answers to beat a short deadline; the next test waits for a real one.)
    calls = [];
    const timingOutOnce = (url: string, init: RequestInit) => {
      if (calls.length !== 1) return recordingFetch(url, init);
      calls.push({ start: Date.now(), end: Date.now() });
      return Promise.reject(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    };
    const [outcome] = await runScheduledIngest({
      store: temp.store,
      halfLifeHours: 24,
      maxResults: 2_000,
      now: NOW,
      sources: [`${server.url}/hf.json`],
      fetch: timingOutOnce,
      delayMs: DELAY,
      timeoutMs: 30_000,
      maxAttempts: 4,
    });
    expect(outcome).toMatchObject({ status: "ok", added: 2, rejected: 1 });
    expect(calls).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
    // Backoff doubles the pause: DELAY after the 503, 2·DELAY after the timeout (a plain timer, which may
    // fire a millisecond early by Date.now()).
    const [afterBusy, afterTimeout] = pauses();
    expect(afterBusy).toBeGreaterThanOrEqual(DELAY);
    expect(afterTimeout).toBeGreaterThanOrEqual(2 * DELAY - 1);
  });

  it("gives up on a source that never answers, naming the timeout", async () => {
    server.script("/silent.xml", [{ hang: true }]);
    const [outcome] = await run([`${server.url}/silent.xml`], { timeoutMs: 300, maxAttempts: 2 });
    expect(outcome).toMatchObject({ status: "failed", added: 0 });
    expect(outcome!.error).toMatch(/gave up after 2 attempts \(last: timed out after 300 ms\)/);
    expect(server.requests).toHaveLength(2);
  });

  it("records a failed source with its error and still fetches the next one", async () => {
    server.script("/down.xml", [{ status: 503, body: "down" }]);
    server.script("/gone.xml", [{ status: 404, body: "gone" }]);
    server.script("/garbage.xml", [{ body: "<html><body>Sorry</body></html>" }]);
    server.script("/ok.rss", [{ body: fixture("arxiv-listing-cs-lg.rss") }]);
    const outcomes = await run(
      [`${server.url}/down.xml`, `${server.url}/gone.xml`, `${server.url}/garbage.xml`, `${server.url}/ok.rss`],
      { maxAttempts: 2 },
    );
    expect(outcomes.map((o) => [o.status, o.added])).toEqual([
      ["failed", 0],
      ["failed", 0],
      ["failed", 0],
      ["ok", 2],
    ]);
    expect(outcomes[0]!.error).toMatch(/gave up after 2 attempts \(last: HTTP 503/);
    expect(outcomes[1]!.error).toMatch(/HTTP 404/);
    expect(outcomes[2]!.error).toMatch(/root element <html>/);
    expect(server.requests.filter((r) => r.path === "/gone.xml")).toHaveLength(1);
    const logs = await temp.db.fetchLog.findMany({ orderBy: { id: "asc" } });
    expect(logs.map((l) => [l.status, l.error === null])).toEqual([
      ["failed", false],
      ["failed", false],
      ["failed", false],
      ["ok", true],
    ]);
    expect(await temp.db.paper.count()).toBe(2);
  });

  it("keeps the pages it got when a later page fails, and says so", async () => {
    server.script("/api/query?q=1&max_results=2", [{ body: apiPage(0) }]);
    server.script("/api/query?q=1&max_results=2&start=2", [{ status: 500, body: "oops" }]);
    const [outcome] = await run([`${server.url}/api/query?q=1&max_results=2`], { maxAttempts: 1 });
    expect(outcome).toMatchObject({ status: "failed", pages: 1, added: 2 });
    expect(outcome!.error).toMatch(/^stopped paging: .*HTTP 500/);
  });
});
