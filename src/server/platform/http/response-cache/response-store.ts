// The memory behind the response cache: answers by address, least recently used first out, bounded by bytes.
// A generation number makes invalidation O(1) and race-free: an answer rendered before a write (whatever
// its generation was when the render started) is never kept after it. An answer past its freshness is still
// handed out as stale for its stale-while-revalidate time, so a crowd need not wait while one request renders it
// again; a write drops stale answers too.

export interface CachedResponse {
  status: number;
  /** The answer's own headers (not the server's, not hop-by-hop ones). */
  headers: [string, string | string[]][];
  body: Buffer;
  /** The body gzipped, when that is worth it. */
  gzipped: Buffer | null;
  /** Weak validator from the body's hash: the same page rendered again keeps its ETag. */
  etag: string;
  storedAt: number;
  freshForMs: number;
  /** How long after freshness it may still be served while a new render is under way. */
  staleForMs: number;
}

export interface ResponseStore {
  /** The current generation: pass it to `set` for an answer whose rendering starts now. */
  readonly generation: number;
  /** The answer kept for this key, fresh or (within its stale time) stale, or undefined. */
  get(key: string, now: number): { response: CachedResponse; fresh: boolean } | undefined;
  /** Keeps an answer rendered in `generation` (ignored when a write came since, or when it is too large). */
  set(key: string, response: CachedResponse, generation: number): void;
  /** Forgets everything: a write changed what the answers show. */
  invalidate(): void;
  readonly bytes: number;
  readonly size: number;
}

/** Bytes an entry costs: bodies, headers and the key (Map and object overhead are small beside a page). */
function costOf(key: string, response: CachedResponse): number {
  const headerBytes = response.headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
  return key.length + headerBytes + response.body.length + (response.gzipped?.length ?? 0) + 200;
}

export function createResponseStore({ maxBytes }: { maxBytes: number }): ResponseStore {
  /** Map order is use order: the first entry is the least recently used. */
  const entries = new Map<string, { response: CachedResponse; cost: number }>();
  let bytes = 0;
  let generation = 0;
  // One answer may take at most an eighth of the budget, so a huge page cannot flush everything else.
  const maxEntryBytes = Math.floor(maxBytes / 8);

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.cost;
  };

  return {
    get generation() {
      return generation;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const age = now - entry.response.storedAt;
      if (age < 0 || age >= entry.response.freshForMs + entry.response.staleForMs) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return { response: entry.response, fresh: age < entry.response.freshForMs };
    },
    set(key, response, renderedIn) {
      if (renderedIn !== generation) return;
      const cost = costOf(key, response);
      if (cost > maxEntryBytes) return;
      remove(key);
      entries.set(key, { response, cost });
      bytes += cost;
      for (const [oldest] of entries) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    invalidate() {
      generation++;
      entries.clear();
      bytes = 0;
    },
  };
}
