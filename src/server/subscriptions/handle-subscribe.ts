// A subscribe request from start to finish, whoever received it (POST /api/subscriptions, or the /subscribe
// page's own form post): rate limits, validation, the saved query checked against the catalogue, then the
// double opt-in. The caller only turns the outcome into JSON or HTML.
import { env } from "@/env";
import { mailerFromEnv } from "@/server/platform/mailer";
import { clientIp } from "@/server/platform/rate-limiter";
import { getStore } from "@/server/store/open-store";
import { subscribeLimiters } from "./rate-limits";
import { requestSubscription } from "./request-subscription";
import { resolveSavedQuery } from "./saved-query-input";
import { readSubscribeInput } from "./subscribe-input";

export type SubscribeOutcome = { form: boolean } & (
  | { kind: "accepted"; movedToQuery: string[] }
  | { kind: "invalid"; status: 400 | 413 | 415; code: string; message: string; field?: string }
  | { kind: "limited"; retryAfterSeconds: number }
);

export async function handleSubscribe(request: Request, userAgent: string | null): Promise<SubscribeOutcome> {
  const now = new Date();
  const ip = clientIp(request.headers);
  const input = await readSubscribeInput(request);
  const { form } = input;
  const store = await getStore();
  const byIp = await subscribeLimiters.perIp.hit(store, ip, now);
  if (!byIp.ok) return { form, kind: "limited", retryAfterSeconds: byIp.retryAfterSeconds };
  if (!input.ok) {
    const { status, code, message, field } = input;
    return { form, kind: "invalid", status, code, message, ...(field ? { field } : {}) };
  }
  const resolved = await resolveSavedQuery(store, input);
  if (!resolved.ok) return { form, kind: "invalid", status: 400, code: "invalid_parameter", ...resolved };
  const byAddress = await subscribeLimiters.perAddress.hit(store, input.email.toLowerCase(), now);
  if (!byAddress.ok) return { form, kind: "limited", retryAfterSeconds: byAddress.retryAfterSeconds };
  if (!input.honeypot) {
    await requestSubscription({
      store,
      mailer: mailerFromEnv(),
      now,
      appUrl: env().appUrl,
      email: input.email,
      saved: resolved.saved,
      ...(input.cadence ? { cadence: input.cadence } : {}),
      ...(input.weekday ? { weekday: input.weekday } : {}),
      ip,
      userAgent,
    });
  }
  return { form, kind: "accepted", movedToQuery: resolved.movedToQuery };
}
