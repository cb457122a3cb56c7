// GET /sitemap.xml: every URL in one <urlset> up to 50,000 of them; beyond that a <sitemapindex> naming the
// child sitemaps /sitemaps/0.xml, /sitemaps/1.xml, … of 50,000 URLs each.
import { sitemapFileCount, sitemapIndexXml, urlsetXml } from "@/domain/sitemap";
import { env } from "@/env";
import { sitemapEntries, sitemapUrlCount } from "@/server/papers/sitemap-entries";
import { getStore } from "@/server/store/open-store";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const store = await getStore();
  const { appUrl } = env();
  const now = new Date();
  const files = sitemapFileCount(await sitemapUrlCount(store));
  const xml =
    files === 1
      ? urlsetXml(await sitemapEntries(store, appUrl, now))
      : sitemapIndexXml(
          Array.from({ length: files }, (_, file) => `${appUrl}/sitemaps/${file}.xml`),
          now,
        );
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
