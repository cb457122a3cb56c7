// POST /api/subscriptions/manage: change what is followed and when, pause, resume, unsubscribe or renew links
// with a manage token.
// Form posts (the /subscription page without JavaScript) get a 303 back to that page; JSON gets JSON; cross-site
// posts get 403. (The RFC 8058 one-click POST is /unsubscribe, exempt: its token is its authority.)
import { escapeHtml } from "@/domain/escape-html";
import { jsonError } from "@/server/platform/api-error";
import { getStore } from "@/server/store/open-store";
import { refuseCrossSitePost } from "@/server/subscriptions/cross-site-refusal";
import { htmlPage } from "@/server/subscriptions/html-page";
import { readManageInput } from "@/server/subscriptions/manage-input";
import { manageSubscription, type ManageAction } from "@/server/subscriptions/manage-subscription";
import { resolveSavedQuery } from "@/server/subscriptions/saved-query-input";

export const dynamic = "force-dynamic";

const REASONS = {
  invalid_token: { status: 404, message: "This manage link is not valid; use the link in your most recent email." },
  needs_new_opt_in: {
    status: 409,
    message: "You unsubscribed, so restarting needs a fresh confirmation: subscribe again.",
  },
} as const;

export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSitePost(request);
  if (refused) return refused;
  const input = await readManageInput(request);
  if (!input.ok && input.tooLarge) return failure(input.form, 413, "payload_too_large", input.message);
  if (!input.ok) return failure(input.form, 400, "invalid_parameter", input.message, input.field);
  const store = await getStore();
  let action: ManageAction;
  let moved: string[] = [];
  if (input.action.kind === "follow") {
    const { follows, ...schedule } = input.action;
    const resolved = await resolveSavedQuery(store, follows);
    if (!resolved.ok) return failure(input.form, 400, "invalid_parameter", resolved.message, resolved.field);
    action = { ...schedule, saved: resolved.saved };
    moved = resolved.movedToQuery;
  } else action = input.action;
  const result = await manageSubscription({ store, token: input.token, now: new Date(), action });
  if (!result.ok) {
    const { status, message } = REASONS[result.reason];
    return failure(input.form, status, result.reason, message);
  }
  const { token, ...view } = result.view;
  if (!input.form)
    return Response.json(
      { subscription: { ...view, token }, ...(moved.length > 0 ? { movedToQuery: moved } : {}) },
      { headers: { "Cache-Control": "no-store" } },
    );
  const movedParam = moved.length > 0 ? `&moved=${encodeURIComponent(moved.join(", "))}` : "";
  const location = `/subscription?token=${encodeURIComponent(token)}&done=${input.action.kind}${movedParam}`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

function failure(form: boolean, status: number, code: string, message: string, field?: string): Response {
  if (!form) return jsonError(status, code, message, field);
  const body = `<p>${escapeHtml(message)}</p><p>Use your browser’s back button to try again, or <a href="/subscribe">subscribe again</a>.</p>`;
  return htmlPage({ status, title: "That did not work", bodyHtml: body });
}
