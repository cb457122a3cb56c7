// The response cache's rules and memory: what may be answered from it, what may be kept and how long, the
// byte bound with least-recently-used eviction, and invalidation that no render in flight can undo.
import { describe, expect, it } from "vitest";
import {
  invalidatesCache,
  isCacheableRequest,
  keepingOf,
  PUBLIC_CACHE_CONTROL,
} from "../../src/server/platform/http/response-cache/cache-rules";
import { createResponseStore, type CachedResponse } from "../../src/server/platform/http/response-cache/response-store";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });

function answer(bytes: number, storedAt = 0): CachedResponse {
  return {
    status: 200,
    headers: [["content-type", "text/html"]],
    body: Buffer.alloc(bytes, "x"),
    gzipped: null,
    etag: 'W/"x"',
    storedAt,
    freshForMs: 10_000,
    staleForMs: 60_000,
  };
}

describe("what the cache may answer", () => {
  it("answers the public pages and GET API", () => {
    for (const url of [
      "/",
      "/?q=low%20rank&window=all",
      "/papers/some-paper",
      "/topics",
      "/topics/lora",
      "/digest",
      "/digest/2026-11-20",
      "/api/papers?limit=20",
      "/api/papers/42",
      "/api/topics",
    ])
      expect(isCacheableRequest(get(url)), url).toBe(true);
    expect(isCacheableRequest({ ...get("/"), method: "HEAD" })).toBe(true);
  });

  it("never answers tokened, personal or private addresses, other methods, or requests with credentials", () => {
    for (const url of [
      "/subscription?token=abc",
      "/subscription/confirm?token=abc",
      "/digest/preview?token=abc",
      "/?token=abc",
      "/api/visitor/votes?papers=1",
      "/api/cron/digest",
      "/r/abc",
      "/unsubscribe?token=abc",
      "/dev/outbox",
      "/subscribe",
      "/api/health",
    ])
      expect(isCacheableRequest(get(url)), url).toBe(false);
    expect(isCacheableRequest({ ...get("/"), method: "POST" })).toBe(false);
    expect(isCacheableRequest(get("/", { authorization: "Bearer x" }))).toBe(false);
    expect(isCacheableRequest(get("/", { range: "bytes=0-10" }))).toBe(false);
  });

  it("is dropped by writes and cron runs, not by reads or the view beacon", () => {
    expect(invalidatesCache({ method: "POST", url: "/api/papers/4/vote" })).toBe(true);
    expect(invalidatesCache({ method: "DELETE", url: "/api/papers/4/vote" })).toBe(true);
    expect(invalidatesCache({ method: "GET", url: "/api/cron/ingest" })).toBe(true);
    expect(invalidatesCache({ method: "POST", url: "/api/papers/4/view" })).toBe(false);
    expect(invalidatesCache({ method: "GET", url: "/" })).toBe(false);
  });
});

describe("what the cache may keep", () => {
  it("keeps public 200s with an s-maxage for that long, stale for their stale-while-revalidate", () => {
    expect(keepingOf(200, PUBLIC_CACHE_CONTROL, false)).toEqual({ freshForMs: 10_000, staleForMs: 60_000 });
    expect(keepingOf(200, "public, s-maxage=5", false)).toEqual({ freshForMs: 5_000, staleForMs: 0 });
  });

  it("keeps nothing that sets a cookie, is private, has no s-maxage or is not a 200", () => {
    expect(keepingOf(200, PUBLIC_CACHE_CONTROL, true)).toBeNull();
    expect(keepingOf(200, "private, no-cache, no-store, max-age=0, must-revalidate", false)).toBeNull();
    expect(keepingOf(200, "public, max-age=300", false)).toBeNull();
    expect(keepingOf(200, undefined, false)).toBeNull();
    expect(keepingOf(404, PUBLIC_CACHE_CONTROL, false)).toBeNull();
    expect(keepingOf(200, "public, s-maxage=10, no-store", false)).toBeNull();
  });
});

describe("the cache's memory", () => {
  it("stays within its bytes, dropping the least recently used answer first", () => {
    const store = createResponseStore({ maxBytes: 80_000 });
    for (let i = 0; i < 5; i++) store.set(`/page/${i}`, answer(9_000), store.generation);
    expect(store.get("/page/0", 0)).toBeDefined(); // now the most recently used
    for (let i = 5; i < 12; i++) store.set(`/page/${i}`, answer(9_000), store.generation);
    expect(store.bytes).toBeLessThanOrEqual(80_000);
    expect(store.size).toBeLessThan(12);
    expect(store.get("/page/0", 0)).toBeDefined();
    expect(store.get("/page/1", 0)).toBeUndefined();
    expect(store.get("/page/11", 0)).toBeDefined();
  });

  it("refuses an answer larger than an eighth of its memory", () => {
    const store = createResponseStore({ maxBytes: 80_000 });
    store.set("/huge", answer(20_000), store.generation);
    expect(store.get("/huge", 0)).toBeUndefined();
    expect(store.bytes).toBe(0);
  });

  it("hands an answer out fresh, then stale, then not at all", () => {
    const store = createResponseStore({ maxBytes: 80_000 });
    store.set("/", answer(100, 1_000), store.generation);
    expect(store.get("/", 1_000 + 9_999)?.fresh).toBe(true);
    expect(store.get("/", 1_000 + 10_000)?.fresh).toBe(false);
    expect(store.get("/", 1_000 + 70_000)).toBeUndefined();
  });

  it("forgets everything on invalidation, and never keeps a render that started before it", () => {
    const store = createResponseStore({ maxBytes: 80_000 });
    store.set("/", answer(100), store.generation);
    const renderStartedIn = store.generation;
    store.invalidate();
    expect(store.get("/", 0)).toBeUndefined();
    expect(store.bytes).toBe(0);
    store.set("/", answer(100), renderStartedIn);
    expect(store.get("/", 0)).toBeUndefined();
    store.set("/", answer(100), store.generation);
    expect(store.get("/", 0)?.fresh).toBe(true);
  });
});
