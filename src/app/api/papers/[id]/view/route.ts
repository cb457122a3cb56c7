// POST /api/papers/{id}/view: the paper page's view beacon. Counts at most one view per visitor, paper and
// UTC day; HEAD requests, prefetches and bots never count (a beacon only runs in a real, rendered page).
import { addressVisitorId, admitNewVisitor } from "@/server/platform/http/new-visitors";
import { boundedRequest, payloadTooLarge } from "@/server/platform/http/read-body";
import { jsonError, notFoundError, rateLimitedError, validationError } from "@/server/platform/api-error";
import { clientIp } from "@/server/platform/rate-limiter";
import { visitorCookie, visitorFor } from "@/server/platform/visitor";
import { getStore } from "@/server/store/open-store";
import { isCountableView } from "@/server/trending/countable-view";
import { isCrossSite, PaperIdParamsSchema, viewLimiter } from "@/server/trending/vote-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  // The beacon's body is empty and never parsed; the cap still stops a client streaming into it.
  if (!(await boundedRequest(request)).ok) return payloadTooLarge();
  const id = PaperIdParamsSchema.safeParse(await context.params);
  if (!id.success) return validationError(id.error);
  if (isCrossSite(request)) return jsonError(403, "cross_site", "Views are only counted from this site's own pages.");
  const now = new Date();
  const store = await getStore();
  const limit = await viewLimiter.hit(store, clientIp(request.headers), now);
  if (!limit.ok) return rateLimitedError(limit.retryAfterSeconds);

  const headers = new Headers({ "Cache-Control": "no-store" });
  if (!isCountableView(request.method, request.headers)) return Response.json({ counted: false }, { headers });
  const visitor = visitorFor(request);
  const fresh = visitor.isNew && (await admitNewVisitor(store, clientIp(request.headers), now)).ok;
  const visitorId = visitor.isNew && !fresh ? addressVisitorId(clientIp(request.headers)) : visitor.id;
  const outcome = await store.trending.recordView({ paperId: id.data.id, visitorId, now });
  if (outcome === "no_paper") return notFoundError("Paper");
  // The cookie is what makes "once a day per visitor" hold for the next view.
  if (fresh) headers.append("Set-Cookie", visitorCookie(visitor.id));
  return Response.json({ counted: outcome === "counted" }, { headers });
}
