// A small in-process cache of slow answers that many requests share (the /digest editions): each key is
// loaded once per `ttlMs`, and requests that arrive while it loads wait for that one load instead of
// starting their own. Per process, like the rate limiters; a second instance keeps its own copy.

export interface SharedCache<T> {
  /** The cached value of `key` if it was loaded less than ttlMs before `now`; otherwise `load()`'s. */
  get(key: string, now: Date, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function createSharedCache<T>({ ttlMs, maxEntries }: { ttlMs: number; maxEntries: number }): SharedCache<T> {
  const entries = new Map<string, { loadedAt: number; value: Promise<T> }>();
  return {
    get(key, now, load) {
      const t = now.getTime();
      const entry = entries.get(key);
      // A clock that went backwards (a test's fixed clock, a corrected host clock) also reloads.
      if (entry && t >= entry.loadedAt && t - entry.loadedAt < ttlMs) return entry.value;
      if (!entry && entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      const value = load();
      entries.set(key, { loadedAt: t, value });
      // A failed load is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear: () => entries.clear(),
  };
}
