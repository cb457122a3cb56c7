// GET /unsubscribe?token=: a one-button page that changes nothing (mail scanners follow every link).
// POST /unsubscribe?token=: RFC 8058 one-click unsubscribe: no cookies, login or Origin check; 200, no redirect.
import { boundedRequest } from "@/server/platform/http/read-body";
import { getStore } from "@/server/store/open-store";
import { findSubscriberByManageToken } from "@/server/subscriptions/find-subscriber";
import { escapeHtml } from "@/domain/escape-html";
import { htmlPage } from "@/server/subscriptions/html-page";
import { manageSubscription, subscriptionView } from "@/server/subscriptions/manage-subscription";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  const row = await findSubscriberByManageToken(await getStore(), token);
  if (!row || !token) return invalidLink();
  const view = subscriptionView(row);
  if (view.status === "unsubscribed") return unsubscribedPage(view.maskedEmail, token);
  const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
  const body = `<p>Stop the daily paper-digest email to <strong>${escapeHtml(view.maskedEmail)}</strong>?</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>
<p>Prefer fewer topics or a break? <a href="/subscription?token=${escapeHtml(encodeURIComponent(token))}">Manage your subscription</a> instead.</p>`;
  return htmlPage({ status: 200, title: "Unsubscribe", bodyHtml: body });
}

export async function POST(request: Request): Promise<Response> {
  // The one-click body ("List-Unsubscribe=One-Click") is not needed, only bounded.
  if (!(await boundedRequest(request)).ok)
    return htmlPage({ status: 413, title: "Request too large", bodyHtml: "<p>The request is too large.</p>" });
  const token = new URL(request.url).searchParams.get("token") ?? undefined;
  const result = await manageSubscription({
    store: await getStore(),
    token,
    now: new Date(),
    action: { kind: "unsubscribe" },
  });
  if (!result.ok || !token) return invalidLink();
  return unsubscribedPage(result.view.maskedEmail, token);
}

function unsubscribedPage(maskedEmail: string, token: string): Response {
  const body = `<p><strong>${escapeHtml(maskedEmail)}</strong> will get no more digests. Nothing else to do.</p>
<p>Changed your mind? <a href="/subscribe">Subscribe again</a> (we will ask you to confirm). Your <a href="/subscription?token=${escapeHtml(encodeURIComponent(token))}">subscription page</a> shows the current state.</p>`;
  return htmlPage({ status: 200, title: "You are unsubscribed", bodyHtml: body });
}

function invalidLink(): Response {
  const body = `<p>This unsubscribe link is not valid. It may be incomplete (some mail apps break long links) or replaced by newer links.</p>
<p>Use the unsubscribe link in your most recent digest email; it always works.</p>`;
  return htmlPage({ status: 404, title: "Link not recognised", bodyHtml: body });
}
