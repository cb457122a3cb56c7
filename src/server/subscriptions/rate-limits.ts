// Subscribe rate limits (documented in docs/subscriptions.md): per IP against scripted floods, per address so
// nobody can fill someone's inbox with confirmation mails through us. Counted in the store, across instances.
import { createRateLimiter } from "@/server/platform/rate-limiter";

export const subscribeLimiters = {
  perIp: createRateLimiter({ scope: "subscribe-ip", limit: 10, windowMs: 15 * 60_000 }),
  perAddress: createRateLimiter({ scope: "subscribe-address", limit: 3, windowMs: 60 * 60_000 }),
} as const;
