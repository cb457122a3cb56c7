// Subscribe and manage accept posts from our own pages and from programs (no browser headers), never from
// another site's form or script: a forged post could sign a stranger up or change a reader's settings.
import { jsonError } from "@/server/platform/api-error";
import { isSameOriginPost } from "@/server/platform/http/same-origin-post";
import { htmlPage } from "./html-page";

/** A 403 for a post another site made a browser send; null for one of ours (or a program's). */
export function refuseCrossSitePost(request: Request): Response | null {
  if (isSameOriginPost(request)) return null;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json")
    return jsonError(403, "cross_site", "Subscriptions are only changed from this site's own pages.");
  return htmlPage({
    status: 403,
    title: "Use our own page",
    bodyHtml: `<p>This form was sent from another site, so nothing was changed. Use the <a href="/subscribe">subscribe page</a> or the link in your latest email.</p>`,
  });
}
