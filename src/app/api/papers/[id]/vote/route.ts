// POST /api/papers/{id}/vote: upvote; DELETE: remove the upvote. Both idempotent, answering { votes, voted }.
// An HTML form post (no JavaScript) sends action=upvote|remove and redirect=<path>, and gets a 303 back there.
import { jsonError, notFoundError, rateLimitedError, validationError } from "@/server/api-error";
import { getDb } from "@/server/db";
import { clientIp } from "@/server/rate-limiter";
import { visitorCookie, visitorFor } from "@/server/visitor";
import {
  isCrossSite,
  isFormPost,
  PaperIdParamsSchema,
  readForm,
  voteLimiter,
  VoteFormSchema,
} from "@/server/vote-request";
import { removeVote, upvote } from "@/server/votes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function handleVote(request: Request, context: Context, defaultAction: "upvote" | "remove"): Promise<Response> {
  const id = PaperIdParamsSchema.safeParse(await context.params);
  if (!id.success) return validationError(id.error);
  if (isCrossSite(request)) return jsonError(403, "cross_site", "Votes are only accepted from this site's own pages.");
  const now = new Date();
  const limit = voteLimiter.hit(clientIp(request.headers), now);
  if (!limit.ok) return rateLimitedError(limit.retryAfterSeconds);

  let action = defaultAction;
  let redirect: string | null = null;
  if (isFormPost(request)) {
    const form = VoteFormSchema.safeParse((await readForm(request)) ?? {});
    if (!form.success) return validationError(form.error);
    ({ action, redirect } = form.data);
  }

  const visitor = visitorFor(request);
  const db = await getDb();
  const state =
    action === "upvote"
      ? await upvote(db, id.data.id, visitor.id, now)
      : await removeVote(db, id.data.id, visitor.id, now);
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
