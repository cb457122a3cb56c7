// POST /api/papers/{id}/view: the paper page's view beacon. Counts at most one view per visitor, paper and
// UTC day; HEAD requests, prefetches and bots never count (a beacon only runs in a real, rendered page).
import { jsonError, notFoundError, rateLimitedError, validationError } from "@/server/platform/api-error";
import { getStore } from "@/server/store/open-store";
import { clientIp } from "@/server/platform/rate-limiter";
import { isCountableView } from "@/server/trending/countable-view";
import { visitorCookie, visitorFor } from "@/server/platform/visitor";
import { isCrossSite, PaperIdParamsSchema, viewLimiter } from "@/server/trending/vote-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const id = PaperIdParamsSchema.safeParse(await context.params);
  if (!id.success) return validationError(id.error);
  if (isCrossSite(request)) return jsonError(403, "cross_site", "Views are only counted from this site's own pages.");
  const now = new Date();
  const limit = viewLimiter.hit(clientIp(request.headers), now);
  if (!limit.ok) return rateLimitedError(limit.retryAfterSeconds);

  const headers = new Headers({ "Cache-Control": "no-store" });
  if (!isCountableView(request.method, request.headers)) return Response.json({ counted: false }, { headers });
  const visitor = visitorFor(request);
  const outcome = await (await getStore()).trending.recordView({ paperId: id.data.id, visitorId: visitor.id, now });
  if (outcome === "no_paper") return notFoundError("Paper");
  // The cookie is what makes "once a day per visitor" hold for the next view.
  if (visitor.isNew) headers.append("Set-Cookie", visitorCookie(visitor.id));
  return Response.json({ counted: outcome === "counted" }, { headers });
}
