// GET /api/visitor/votes?papers=1,2,3: which of these papers this visitor upvoted, and their current counts.
// The one per-visitor request of a page: pages are the same for everyone so they can be cached, and the client
// script asks this to press the visitor's own vote buttons. Private: no shared cache may keep it.
import { validationError } from "@/server/platform/api-error";
import { PRIVATE_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { readVisitorId } from "@/server/platform/visitor";
import { getStore } from "@/server/store/open-store";
import { visitorVotes, VisitorVotesQuerySchema } from "@/server/trending/visitor-votes";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = VisitorVotesQuerySchema.safeParse({
    papers: new URL(request.url).searchParams.get("papers") ?? undefined,
  });
  if (!query.success) return validationError(query.error);
  const votes = await visitorVotes(await getStore(), readVisitorId(request), query.data.papers);
  return Response.json(votes, { headers: { "Cache-Control": PRIVATE_CACHE_CONTROL, Vary: "Cookie" } });
}
