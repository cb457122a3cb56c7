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
import { resolveSavedQuery } from "@/server/subscriptions/saved-query-input";
import {
  readSubscribeInput,
  SUBSCRIBE_ACCEPTED,
  SUBSCRIBE_ACCEPTED_BODY,
} from "@/server/subscriptions/subscribe-input";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const now = new Date();
  const ip = clientIp(request.headers);
  const limiters = subscribeLimiters();
  const input = await readSubscribeInput(request);
  const byIp = limiters.perIp.hit(ip, now);
  if (!byIp.ok) return tooMany(input.form, byIp.retryAfterSeconds);
  if (!input.ok) return invalid(input.form, input.status, input.code, input.message, input.field);
  const store = await getStore();
  const resolved = await resolveSavedQuery(store, input);
  if (!resolved.ok) return invalid(input.form, 400, "invalid_parameter", resolved.message, resolved.field);
  const byAddress = limiters.perAddress.hit(input.email.toLowerCase(), now);
  if (!byAddress.ok) return tooMany(input.form, byAddress.retryAfterSeconds);
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
      userAgent: request.headers.get("user-agent"),
    });
  }
  // Topics we do not have became search words: said to a script (the manage page shows it to everyone);
  // it depends on the input only, never on the address's state.
  const moved = resolved.movedToQuery;
  if (input.form)
    return new Response(null, {
      status: 303,
      headers: { Location: "/subscribe/check-inbox", "Cache-Control": "no-store" },
    });
  const body =
    moved.length > 0 ? JSON.stringify({ ...SUBSCRIBE_ACCEPTED, movedToQuery: moved }) : SUBSCRIBE_ACCEPTED_BODY;
  return new Response(body, {
    status: 202,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

/** 400 naming the field; a form post gets a page saying what to fix, with a way back to its form. */
function invalid(form: boolean, status: number, code: string, message: string, field?: string): Response {
  if (!form) return jsonError(status, code, message, field);
  const label = field ? `<p>Check the <strong>${escapeHtml(field)}</strong> field.</p>` : "";
  const back = `<p role="alert">${escapeHtml(message)}</p>${label}<p><a href="/subscribe">Try again</a> (your browser’s back button keeps what you typed)</p>`;
  return htmlPage({ status, title: "That did not work", bodyHtml: back });
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
