// GET /api/papers: the feed as JSON: list, search (q), topic(s), author(s), window, sort, limit and cursor.
import { FeedQuerySchema, feedQueryInput } from "@/domain/feed-params";
import { paperToJson } from "@/domain/paper-json";
import { env } from "@/env";
import { jsonError, validationError } from "@/server/platform/api-error";
import { getStore } from "@/server/store/open-store";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { UnknownTopicError } from "@/server/papers/feed-list";
import { loadFeed } from "@/server/papers/feed-page";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const parsed = FeedQuerySchema.safeParse(feedQueryInput(new URL(request.url).searchParams));
  if (!parsed.success) return validationError(parsed.error);
  try {
    const page = await loadFeed(await getStore(), parsed.data, new Date(), { history: true });
    const appUrl = env().appUrl;
    return Response.json(
      {
        papers: page.items.map((item) => ({
          ...paperToJson(item.paper, appUrl),
          trending: item.trending,
          ...(item.titleHighlights ? { highlights: { title: item.titleHighlights, snippet: item.snippet } } : {}),
        })),
        nextCursor: page.nextCursor,
        total: page.total,
        ...(page.notice ? { notice: page.notice } : {}),
        ...(page.correctedQuery ? { correctedQuery: page.correctedQuery } : {}),
      },
      { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } },
    );
  } catch (error) {
    if (error instanceof UnknownTopicError) return jsonError(400, "unknown_topic", error.message, "topic");
    throw error;
  }
}
