// Subscribe rate limits (documented in docs/subscriptions.md): per IP against scripted floods, per address so
// nobody can fill someone's inbox with confirmation mails through us.
import { createRateLimiter } from "@/server/platform/rate-limiter";

export const SUBSCRIBE_LIMITS = {
  perIp: { limit: 10, windowMs: 15 * 60_000 },
  perAddress: { limit: 3, windowMs: 60 * 60_000 },
} as const;

const globalForLimits = globalThis as unknown as {
  subscribeLimiters?: { perIp: ReturnType<typeof createRateLimiter>; perAddress: ReturnType<typeof createRateLimiter> };
};

export function subscribeLimiters() {
  globalForLimits.subscribeLimiters ??= {
    perIp: createRateLimiter(SUBSCRIBE_LIMITS.perIp),
    perAddress: createRateLimiter(SUBSCRIBE_LIMITS.perAddress),
  };
  return globalForLimits.subscribeLimiters;
}
