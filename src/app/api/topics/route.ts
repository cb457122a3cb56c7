// GET /api/topics: the topic vocabulary with paper counts (what /topics shows and subscribers pick from).
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const topics = await (await getStore()).topics.listTopics();
  const appUrl = env().appUrl;
  return Response.json(
    {
      topics: topics.map((t) => ({
        slug: t.slug,
        label: t.label,
        kind: t.kind,
        paperCount: t.paperCount,
        url: `${appUrl}/topics/${t.slug}`,
      })),
    },
    { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } },
  );
}
