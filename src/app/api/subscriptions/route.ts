// POST /api/subscriptions: start a double opt-in subscription; the same 202 whatever the address's state.
import { env } from "@/env";
import { escapeHtml } from "@/domain/escape-html";
import { jsonError, rateLimitedError } from "@/server/platform/api-error";
import { getStore } from "@/server/store/open-store";
import { mailerFromEnv } from "@/server/platform/mailer";
import { clientIp } from "@/server/platform/rate-limiter";
import { htmlPage } from "@/server/subscriptions/html-page";
import { subscribeLimiters } from "@/server/subscriptions/rate-limits";
import { requestSubscription } from "@/server/subscriptions/request-subscription";
import { readSubscribeInput, SUBSCRIBE_ACCEPTED_BODY } from "@/server/subscriptions/subscribe-input";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const now = new Date();
  const ip = clientIp(request.headers);
  const store = await getStore();
  const input = await readSubscribeInput(request);
  const byIp = await subscribeLimiters.perIp.hit(store, ip, now);
  if (!byIp.ok) return tooMany(input.form, byIp.retryAfterSeconds);
  if (!input.ok) {
    if (!input.form) return jsonError(input.status, input.code, input.message, input.field);
    const back = `<p>${escapeHtml(input.message)}</p><p><a href="/subscribe">Try again</a></p>`;
    return htmlPage({ status: input.status, title: "That did not work", bodyHtml: back });
  }
  const byAddress = await subscribeLimiters.perAddress.hit(store, input.email.toLowerCase(), now);
  if (!byAddress.ok) return tooMany(input.form, byAddress.retryAfterSeconds);
  if (!input.honeypot) {
    const settings = env();
    await requestSubscription({
      store,
      mailer: mailerFromEnv(),
      now,
      appUrl: settings.appUrl,
      email: input.email,
      topics: input.topics,
      ip,
      userAgent: request.headers.get("user-agent"),
    });
  }
  if (input.form)
    return new Response(null, {
      status: 303,
      headers: { Location: "/subscribe/check-inbox", "Cache-Control": "no-store" },
    });
  return new Response(SUBSCRIBE_ACCEPTED_BODY, {
    status: 202,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

function tooMany(form: boolean, retryAfterSeconds: number): Response {
  if (!form) return rateLimitedError(retryAfterSeconds);
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const body = `<p>Too many subscribe requests. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.</p>`;
  return htmlPage({
    status: 429,
    title: "Slow down a little",
    bodyHtml: body,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
