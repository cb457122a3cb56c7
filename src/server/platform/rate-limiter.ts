// In-memory fixed-window rate limiter, one per concern (votes, subscriptions, ...), keyed by IP or address.
// Per process by design: this app runs as one Node process; a multi-instance deploy needs a shared store.
import { clientKey } from "./http/client-address";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one hit for `key` at `now` and says whether it is allowed. */
  hit(key: string, now: Date): RateLimitResult;
  reset(): void;
}

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    hit(key, now) {
      const t = now.getTime();
      const current = windows.get(key);
      if (!current || t - current.startedAt >= windowMs) {
        if (windows.size > 50_000) prune(windows, t, windowMs);
        windows.set(key, { startedAt: t, count: 1 });
        return { ok: true, remaining: limit - 1 };
      }
      if (current.count >= limit) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((current.startedAt + windowMs - t) / 1000)) };
      }
      current.count += 1;
      return { ok: true, remaining: limit - current.count };
    },
    reset() {
      windows.clear();
    },
  };
}

function prune(windows: Map<string, { startedAt: number }>, now: number, windowMs: number): void {
  for (const [key, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(key);
}

/** The client's rate-limit key: the address our server stamped (TRUSTED_PROXIES hops honoured), never a header the client wrote. */
export function clientIp(headers: Headers): string {
  return clientKey(headers);
}
