// The cache behind the /digest pages: one load per key and period, shared by the requests that arrive while
// it runs; a failed load is not kept.
import { describe, expect, it } from "vitest";
import { createSharedCache } from "../../src/server/platform/shared-cache";

const T0 = new Date("2026-11-26T07:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("shared cache", () => {
  it("loads once for every request within the period, again after it, and per key", async () => {
    const cache = createSharedCache<number>({ ttlMs: 60_000, maxEntries: 4 });
    let loads = 0;
    const load = async () => ++loads;
    const first = await Promise.all(Array.from({ length: 10 }, () => cache.get("today", T0, load)));
    expect(first).toEqual(Array(10).fill(1));
    expect(await cache.get("today", at(59_999), load)).toBe(1);
    expect(await cache.get("today", at(60_000), load)).toBe(2);
    expect(await cache.get("2026-11-25", at(60_000), load)).toBe(3);
    // A clock that went back does not keep a value from its future.
    expect(await cache.get("today", at(-1), load)).toBe(4);
  });

  it("forgets a failed load, so the next request tries again", async () => {
    const cache = createSharedCache<string>({ ttlMs: 60_000, maxEntries: 4 });
    await expect(cache.get("k", T0, () => Promise.reject(new Error("database busy")))).rejects.toThrow("busy");
    expect(await cache.get("k", at(1), async () => "fresh")).toBe("fresh");
  });

  it("holds at most maxEntries keys, dropping the oldest", async () => {
    const cache = createSharedCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    for (const key of ["a", "b", "c"]) await cache.get(key, T0, async () => `${key}1`);
    expect(await cache.get("a", T0, async () => "a2")).toBe("a2");
    expect(await cache.get("c", T0, async () => "c2")).toBe("c1");
  });
});
