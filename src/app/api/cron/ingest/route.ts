// GET /api/cron/ingest: fetch every INGEST_SOURCES feed now (politely paced) and import it.
// Requires Authorization: Bearer <CRON_SECRET>; answers per-source counts, 502 when a source failed.
import { jsonError } from "@/server/platform/api-error";
import { isAuthorizedCron, unauthorizedCronResponse } from "@/server/platform/cron-auth";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";
import { ingestSources } from "@/server/ingest/ingest-settings";
import { runScheduledIngest } from "@/server/ingest/scheduled-ingest";

export const dynamic = "force-dynamic";
// Paged arXiv queries wait 3 s between requests; a few sources take minutes.
export const maxDuration = 300;

export async function GET(request: Request): Promise<Response> {
  if (!isAuthorizedCron(request)) return unauthorizedCronResponse();
  const sources = ingestSources();
  if (sources.length === 0) {
    return jsonError(
      503,
      "not_configured",
      "INGEST_SOURCES is empty: set it to space-separated feed URLs to fetch.",
      "INGEST_SOURCES",
    );
  }
  const outcomes = await runScheduledIngest({
    store: await getStore(),
    now: new Date(),
    sources,
    halfLifeHours: env().TRENDING_HALF_LIFE_HOURS,
    maxResults: env().INGEST_MAX_RESULTS,
  });
  const failed = outcomes.filter((o) => o.status === "failed");
  const headers = { "Cache-Control": "no-store" };
  if (failed.length > 0) {
    const message = `${failed.length} of ${outcomes.length} sources failed: ${failed.map((o) => o.error).join("; ")}`;
    return Response.json({ error: { code: "fetch_failed", message }, sources: outcomes }, { status: 502, headers });
  }
  return Response.json({ sources: outcomes }, { headers });
}
