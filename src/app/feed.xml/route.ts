// GET /feed.xml: the trending feed as Atom 1.0; ?q= for a search, ?topic= for topics, ?author= for authors
// (same parameters as the feed page and /api/papers, 50 entries unless ?limit= says otherwise).
import { FeedQuerySchema, feedQueryInput } from "@/domain/feed-params";
import { jsonError, validationError } from "@/server/platform/api-error";
import { atomFeedXml } from "@/server/papers/atom-feed";
import { getStore } from "@/server/store/open-store";
import { env } from "@/env";
import { UnknownTopicError } from "@/server/papers/feed-list";

export const dynamic = "force-dynamic";

const FEED_ENTRIES = "50";

export async function GET(request: Request): Promise<Response> {
  const parsed = FeedQuerySchema.safeParse({
    limit: FEED_ENTRIES,
    ...feedQueryInput(new URL(request.url).searchParams),
  });
  if (!parsed.success) return validationError(parsed.error);
  try {
    const xml = await atomFeedXml(await getStore(), parsed.data, new Date(), env().appUrl);
    return new Response(xml, {
      headers: {
        "Content-Type": "application/atom+xml; charset=utf-8",
        "Cache-Control": "public, max-age=300, stale-while-revalidate=600",
      },
    });
  } catch (error) {
    if (error instanceof UnknownTopicError)
      return jsonError(404, "unknown_topic", `There is no topic "${error.slug}".`, "topic");
    throw error;
  }
}
