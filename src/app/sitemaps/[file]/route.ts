// GET /sitemaps/<n>.xml: child sitemap n (0-based) of the sitemap index, 50,000 URLs at most; 404 past the
// last, or when /sitemap.xml is not an index.
import { sitemapFileCount, urlsetXml } from "@/domain/sitemap";
import { env } from "@/env";
import { jsonError } from "@/server/platform/api-error";
import { sitemapEntries, sitemapUrlCount } from "@/server/papers/sitemap-entries";
import { getStore } from "@/server/store/open-store";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const match = /^(\d{1,6})\.xml$/.exec((await params).file);
  const store = await getStore();
  const file = match ? Number(match[1]) : -1;
  const files = sitemapFileCount(await sitemapUrlCount(store));
  // Children exist only beside an index: up to 50,000 URLs, /sitemap.xml is the one sitemap.
  if (files === 1 || file < 0 || file >= files) return jsonError(404, "not_found", "There is no such sitemap.", "file");
  const xml = urlsetXml(await sitemapEntries(store, env().appUrl, new Date(), file));
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
