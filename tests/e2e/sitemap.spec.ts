// /sitemap.xml and its child route through the production server: a <urlset> while the sample data is far below
// 50,000 URLs (the index beyond that is covered by tests/integration/sitemap-index.test.ts), no children then.
import { expect, test } from "@playwright/test";

test("/sitemap.xml lists the feed and the papers; /sitemaps/0.xml exists only beside an index", async ({
  request,
  baseURL,
}) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const xml = await sitemap.text();
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  expect(xml).toContain(`<loc>${baseURL}/</loc>`);
  expect(xml.match(/<loc>[^<]+\/papers\/[^<]+<\/loc>/g)?.length).toBeGreaterThanOrEqual(200);
  const child = await request.get("/sitemaps/0.xml");
  expect(child.status()).toBe(404);
  expect(await child.json()).toMatchObject({ error: { code: "not_found" } });
});
