// POST /api/papers/{id}/vote: upvote; DELETE: remove the upvote. Both idempotent, answering { votes, voted }.
// An HTML form post (no JavaScript) sends action=upvote|remove and redirect=<path>, and gets a 303 back there.
import { admitNewVisitor } from "@/server/platform/http/new-visitors";
import { boundedRequest, payloadTooLarge } from "@/server/platform/http/read-body";
import { jsonError, notFoundError, rateLimitedError, validationError } from "@/server/platform/api-error";
import { clientIp } from "@/server/platform/rate-limiter";
import { visitorCookie, visitorFor } from "@/server/platform/visitor";
import { getStore } from "@/server/store/open-store";
import {
  isCrossSite,
  isFormPost,
  PaperIdParamsSchema,
  readForm,
  voteLimiter,
  VoteFormSchema,
} from "@/server/trending/vote-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function handleVote(original: Request, context: Context, defaultAction: "upvote" | "remove"): Promise<Response> {
  const body = await boundedRequest(original);
  if (!body.ok) return payloadTooLarge();
  const request = body.request;
  const id = PaperIdParamsSchema.safeParse(await context.params);
  if (!id.success) return validationError(id.error);
  if (isCrossSite(request)) return jsonError(403, "cross_site", "Votes are only accepted from this site's own pages.");
  const now = new Date();
  const store = await getStore();
  const limit = await voteLimiter.hit(store, clientIp(request.headers), now);
  if (!limit.ok) return rateLimitedError(limit.retryAfterSeconds);

  let action = defaultAction;
  let redirect: string | null = null;
  if (isFormPost(request)) {
    const form = VoteFormSchema.safeParse((await readForm(request)) ?? {});
    if (!form.success) return validationError(form.error);
    ({ action, redirect } = form.data);
  }

  const visitor = visitorFor(request);
  if (visitor.isNew && action === "upvote") {
    const fresh = await admitNewVisitor(store, clientIp(request.headers), now);
    if (!fresh.ok) return rateLimitedError(fresh.retryAfterSeconds);
  }
  const state =
    action === "upvote"
      ? await store.trending.upvote(id.data.id, visitor.id, now)
      : await store.trending.removeVote(id.data.id, visitor.id, now);
  if (!state) return notFoundError("Paper");

  const headers = new Headers({ "Cache-Control": "no-store" });
  if (visitor.isNew && action === "upvote") headers.append("Set-Cookie", visitorCookie(visitor.id));
  if (redirect === null) return Response.json(state, { headers });
  headers.set("Location", redirect);
  return new Response(null, { status: 303, headers });
}

export function POST(request: Request, context: Context): Promise<Response> {
  return handleVote(request, context, "upvote");
}

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleVote(request, context, "remove");
}
