// Rate limits counted in the store (both engines, fixed clocks): the fixed window, its end, keys and scopes
// kept apart, hits through two connections at once each counted once, and ended windows swept.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
process.env.SECRET_KEY = "rate-limit-test-secret-key-0123456789abcdef";
import { resetEnvCache } from "../../src/env";
import { createRateLimiter, SWEEP_EVERY_MS } from "../../src/server/platform/rate-limiter";
import { openStore } from "../../src/server/store/open-store";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const T0 = new Date("2026-11-30T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
let temp: TempDb;

beforeEach(async () => {
  resetEnvCache();
  temp = await createTempDb();
});
afterEach(async () => temp.cleanup());

describe("the store's rate-limit windows", () => {
  it("count hits in a fixed window that starts at the first hit, and restart once it has ended", async () => {
    const { rateLimits } = temp.store;
    expect(await rateLimits.hit("vote", "a", T0, 60_000)).toEqual({ count: 1, endsAt: at(60_000) });
    expect(await rateLimits.hit("vote", "a", at(30_000), 60_000)).toEqual({ count: 2, endsAt: at(60_000) });
    expect(await rateLimits.hit("vote", "a", at(59_999), 60_000)).toEqual({ count: 3, endsAt: at(60_000) });
    expect(await rateLimits.hit("vote", "a", at(60_000), 60_000)).toEqual({ count: 1, endsAt: at(120_000) });
  });

  it("keep scopes and keys apart", async () => {
    const { rateLimits } = temp.store;
    await rateLimits.hit("vote", "a", T0, 60_000);
    await rateLimits.hit("vote", "a", T0, 60_000);
    expect((await rateLimits.hit("view", "a", T0, 60_000)).count).toBe(1);
    expect((await rateLimits.hit("vote", "b", T0, 60_000)).count).toBe(1);
    expect((await rateLimits.hit("vote", "a", T0, 60_000)).count).toBe(3);
  });

  it("count each of many simultaneous hits through two connections exactly once", async () => {
    const other = await openStore(temp.url, { halfLifeHours: 24 });
    try {
      const hits = Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? other : temp.store).rateLimits.hit("vote", "shared", at(i), 60_000),
      );
      const counts = (await Promise.all(hits)).map((w) => w.count).sort((a, b) => a - b);
      expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      await other.close();
    }
  });

  it("sweep only the windows that have ended", async () => {
    const { rateLimits } = temp.store;
    await rateLimits.hit("vote", "short", T0, 1_000);
    await rateLimits.hit("subscribe", "long", T0, 3_600_000);
    expect(await rateLimits.sweep(at(999))).toBe(0);
    expect(await rateLimits.sweep(at(1_000))).toBe(1);
    expect(await temp.db.rateLimit.count()).toBe(1);
    expect((await rateLimits.hit("subscribe", "long", at(2_000), 3_600_000)).count).toBe(2);
  });

  it("clear one scope or all of them", async () => {
    const { rateLimits } = temp.store;
    await rateLimits.hit("vote", "a", T0, 60_000);
    await rateLimits.hit("view", "a", T0, 60_000);
    await rateLimits.clear("vote");
    expect(await temp.db.rateLimit.findMany({ select: { scope: true } })).toEqual([{ scope: "view" }]);
    await rateLimits.clear();
    expect(await temp.db.rateLimit.count()).toBe(0);
  });
});

describe("a rate limiter on the store", () => {
  it("allows `limit` hits a window, then answers with the seconds until the window ends", async () => {
    const limiter = createRateLimiter({ scope: "test-allow", limit: 3, windowMs: 60_000 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit(temp.store, "203.0.113.7", at(i * 1_000)));
    expect(results).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
      { ok: false, retryAfterSeconds: 57 },
    ]);
    expect(await limiter.hit(temp.store, "203.0.113.7", at(59_500))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await limiter.hit(temp.store, "203.0.113.8", at(4_000))).toEqual({ ok: true, remaining: 2 });
    expect(await limiter.hit(temp.store, "203.0.113.7", at(60_000))).toEqual({ ok: true, remaining: 2 });
  });

  it("stores a keyed hash of the client key, never the address or email itself", async () => {
    const limiter = createRateLimiter({ scope: "test-hash", limit: 3, windowMs: 60_000 });
    await limiter.hit(temp.store, "reader@example.com", T0);
    const rows = await temp.db.rateLimit.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).not.toContain("reader");
    expect(rows[0]!.key).toMatch(/^[\w-]{32}$/);
  });

  it("sweeps ended windows on a hit once every few minutes", async () => {
    const limiter = createRateLimiter({ scope: "test-sweep", limit: 3, windowMs: 1_000 });
    const later = (ms: number) => new Date(T0.getTime() + ms);
    await limiter.hit(temp.store, "first", T0);
    await limiter.hit(temp.store, "second", later(2_000));
    // The first window ended 1 s after it started, but the last sweep is less than SWEEP_EVERY_MS ago.
    expect(await temp.db.rateLimit.count()).toBe(2);
    await limiter.hit(temp.store, "third", later(SWEEP_EVERY_MS));
    expect(
      (await temp.db.rateLimit.findMany({ select: { windowEndMs: true } })).map((r) => Number(r.windowEndMs)),
    ).toEqual([later(SWEEP_EVERY_MS + 1_000).getTime()]);
  });
});
