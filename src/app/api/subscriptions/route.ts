// POST /api/subscriptions: start a double opt-in subscription; the same 202 whatever the address's state.
// Cross-site posts get 403 before anything is read or counted.
import { escapeHtml } from "@/domain/escape-html";
import { jsonError, rateLimitedError } from "@/server/platform/api-error";
import { refuseCrossSitePost } from "@/server/subscriptions/cross-site-refusal";
import { handleSubscribe } from "@/server/subscriptions/handle-subscribe";
import { htmlPage } from "@/server/subscriptions/html-page";
import { SUBSCRIBE_ACCEPTED, SUBSCRIBE_ACCEPTED_BODY } from "@/server/subscriptions/subscribe-input";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSitePost(request);
  if (refused) return refused;
  const outcome = await handleSubscribe(request, request.headers.get("user-agent"));
  if (outcome.kind === "limited") return tooMany(outcome.form, outcome.retryAfterSeconds);
  if (outcome.kind === "invalid") {
    const { form, status, code, message, field } = outcome;
    if (!form) return jsonError(status, code, message, field);
    const named = field ? `<p>Check the <strong>${escapeHtml(field)}</strong> field.</p>` : "";
    const back = `<p role="alert">${escapeHtml(message)}</p>${named}<p><a href="/subscribe">Try again</a></p>`;
    return htmlPage({ status, title: "That did not work", bodyHtml: back });
  }
  if (outcome.form)
    return new Response(null, {
      status: 303,
      headers: { Location: "/subscribe/check-inbox", "Cache-Control": "no-store" },
    });
  // Topics we do not have became search words: said here (and on the manage page); it depends on the input
  // only, never on the address's state.
  const moved = outcome.movedToQuery;
  const body =
    moved.length > 0 ? JSON.stringify({ ...SUBSCRIBE_ACCEPTED, movedToQuery: moved }) : SUBSCRIBE_ACCEPTED_BODY;
  return new Response(body, {
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
