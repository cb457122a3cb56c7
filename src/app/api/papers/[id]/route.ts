// GET /api/papers/{id}: one paper with its related papers (precomputed) and its trending explanation.
import { paperToJson } from "@/domain/paper-json";
import { paperUrl } from "@/domain/paper-share";
import { env } from "@/env";
import { notFoundError, validationError } from "@/server/platform/api-error";
import { getStore } from "@/server/store/open-store";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { paperDetail } from "@/server/papers/paper-detail";
import { PaperIdParamsSchema } from "@/server/trending/vote-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, context: Context): Promise<Response> {
  const id = PaperIdParamsSchema.safeParse(await context.params);
  if (!id.success) return validationError(id.error);
  const detail = await paperDetail(await getStore(), { id: id.data.id }, new Date());
  if (!detail) return notFoundError("Paper");
  const appUrl = env().appUrl;
  return Response.json(
    {
      ...paperToJson(detail.paper, appUrl),
      // Always an object with the history, also for a paper without signals (score 0, no rank).
      trending: { ...(detail.trending ?? { score: 0, reasons: [] }), history: detail.history },
      related: detail.related.map((paper) => ({
        id: paper.id,
        slug: paper.slug,
        url: paperUrl(appUrl, paper.slug),
        title: paper.title,
      })),
    },
    { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } },
  );
}
