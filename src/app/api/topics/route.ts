// GET /api/topics: the topic vocabulary with paper counts (what /topics shows and subscribers pick from).
import { env } from "@/env";
import { getDb } from "@/server/db";
import { listTopics } from "@/server/search/search-papers";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const topics = await listTopics(await getDb());
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
    { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } },
  );
}
