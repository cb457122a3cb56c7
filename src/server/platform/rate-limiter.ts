// Rate limits, one per concern (votes, views, subscriptions, new visitors), keyed by client address or email.
// The windows live in the store (a fixed window per key, see store/rate-limits.ts), so every app instance on
// one database counts a client together: two instances behind a load balancer give nobody twice the allowance.
// Keys are stored as a keyed hash: the table holds no addresses or emails.
import type { Store } from "@/server/store/store";
import { clientKey } from "./http/client-address";
import { sign } from "./secrets";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface RateLimitRule {
  /** The limit's name in the store: windows of different limits never mix. */
  scope: string;
  limit: number;
  windowMs: number;
}

export interface RateLimiter extends RateLimitRule {
  /** Counts one hit for `key` at `now` (one statement on the store) and says whether it is allowed. */
  hit(store: Pick<Store, "rateLimits">, key: string, now: Date): Promise<RateLimitResult>;
}

/** Ended windows are deleted by the first hit this often, per process: a cheap indexed delete. */
export const SWEEP_EVERY_MS = 5 * 60_000;

const SWEPT = Symbol.for("paper-digest.rate-limit-sweeps");
// On globalThis: Next.js bundles this module once per router, and the sweeps are per process.
const lastSweep = ((globalThis as Record<symbol, unknown>)[SWEPT] ??= new WeakMap<object, number>()) as WeakMap<
  object,
  number
>;

export function createRateLimiter(rule: RateLimitRule): RateLimiter {
  return {
    ...rule,
    async hit(store, key, now) {
      const window = await store.rateLimits.hit(rule.scope, storedKey(rule.scope, key), now, rule.windowMs);
      await sweepIfDue(store, now);
      if (window.count > rule.limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000));
        return { ok: false, retryAfterSeconds };
      }
      return { ok: true, remaining: rule.limit - window.count };
    },
  };
}

function storedKey(scope: string, key: string): string {
  return sign(`rate-limit:${scope}`, key).slice(0, 32);
}

async function sweepIfDue(store: Pick<Store, "rateLimits">, now: Date): Promise<void> {
  const last = lastSweep.get(store.rateLimits);
  if (last !== undefined && now.getTime() - last < SWEEP_EVERY_MS && now.getTime() >= last) return;
  lastSweep.set(store.rateLimits, now.getTime());
  await store.rateLimits.sweep(now);
}

/** The client's rate-limit key: the address our server stamped (TRUSTED_PROXIES hops honoured), never a header the client wrote. */
export function clientIp(headers: Headers): string {
  return clientKey(headers);
}
