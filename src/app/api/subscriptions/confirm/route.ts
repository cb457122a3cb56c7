// POST /api/subscriptions/confirm: the "Confirm subscription" button of the emailed link's page (a plain form
// post, same-origin only). Answers a small HTML page: subscribed, already confirmed, or why the link failed.
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";
import { boundedRequest } from "@/server/platform/http/read-body";
import { isSameOriginPost } from "@/server/platform/http/same-origin-post";
import { confirmSubscription } from "@/server/subscriptions/confirm-subscription";
import { escapeHtml } from "@/domain/escape-html";
import { htmlPage } from "@/server/subscriptions/html-page";

export const dynamic = "force-dynamic";

const INVALID_BODY = `<p>This confirmation link is not valid any more: it was already used, replaced by a newer one, or cut short by a mail app.</p>
<p>If you already confirmed, your digests are on their way. Otherwise <a href="/subscribe">subscribe again</a> for a fresh link.</p>`;
const EXPIRED_BODY = `<p>Confirmation links expire after 48 hours. <a href="/subscribe">Subscribe again</a> and we will send you a fresh one.</p>`;

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request))
    return htmlPage({
      status: 403,
      title: "Confirm from our page",
      bodyHtml: "<p>Use the button on the page your confirmation link opens.</p>",
    });
  const body = await boundedRequest(request);
  if (!body.ok)
    return htmlPage({ status: 413, title: "Request too large", bodyHtml: "<p>The request is too large.</p>" });
  let token: string | undefined;
  try {
    const value = (await body.request.formData()).get("token");
    token = typeof value === "string" ? value : undefined;
  } catch {
    token = undefined;
  }
  const outcome = await confirmSubscription({ store: await getStore(), token, now: new Date(), appUrl: env().appUrl });
  if (outcome.status === "invalid")
    return htmlPage({ status: 404, title: "This confirmation link does not work", bodyHtml: INVALID_BODY });
  if (outcome.status === "expired")
    return htmlPage({ status: 410, title: "This confirmation link has expired", bodyHtml: EXPIRED_BODY });
  const what =
    outcome.topics.length > 0
      ? `the trending papers on ${escapeHtml(outcome.topics.join(", "))}`
      : "the day’s trending papers";
  const who = `<strong>${escapeHtml(outcome.maskedEmail)}</strong>`;
  if (outcome.status === "already_confirmed") {
    return htmlPage({
      status: 200,
      title: "Already confirmed",
      bodyHtml: `<p>${who} is confirmed. Every digest has a link to your settings.</p>`,
    });
  }
  const bodyHtml = `<p>${who} will get one email each morning with ${what}.</p>
<p>Every digest has a one-click unsubscribe link and a link to your settings, where you can change topics or pause.</p>
<p><a href="${escapeHtml(outcome.manageUrl)}">Manage subscription</a></p>`;
  return htmlPage({ status: 200, title: "You are subscribed", bodyHtml });
}
