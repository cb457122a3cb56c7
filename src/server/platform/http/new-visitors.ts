// A request without a valid visitor cookie gets a fresh visitor id, so without a limit a client that drops its
// cookie would be a new voter on every request. Fresh ids are therefore rationed per client address; past the
// ration a vote is refused and a view counts under one id derived from the address (once per paper and day).
import { createRateLimiter, type RateLimitResult } from "@/server/platform/rate-limiter";
import { sign } from "@/server/platform/secrets";
import type { Store } from "@/server/store/store";

/** 30 new visitors an hour per address: a busy shared office, not a script minting identities. */
export const newVisitorLimiter = createRateLimiter({ scope: "new-visitor", limit: 30, windowMs: 60 * 60_000 });

/** Counts one fresh visitor id for this client key. */
export function admitNewVisitor(
  store: Pick<Store, "rateLimits">,
  clientKey: string,
  now: Date,
): Promise<RateLimitResult> {
  return newVisitorLimiter.hit(store, clientKey, now);
}

/** The stable stand-in visitor id of a client past its ration (keyed, so the address itself is not stored). */
export function addressVisitorId(clientKey: string): string {
  return `addr-${sign("address-visitor", clientKey).slice(0, 32)}`;
}
