// Beyond 50,000 URLs /sitemap.xml becomes a sitemap index whose child sitemaps hold every URL once, 50,000
// at most each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as sitemapXml } from "../../src/app/sitemap.xml/route";
import { GET as childSitemap } from "../../src/app/sitemaps/[file]/route";
import { env } from "../../src/env";
import { params, createRouteTestDb } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;
const PAPERS = 50_010;

/** Inserts `count` minimal papers in one statement (the ingest path would take minutes for this many). */
async function insertPapers(count: number, from: number): Promise<void> {
  await temp.db.$executeRawUnsafe(`
    WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${from + count - 1})
    INSERT INTO "Paper" (slug, title, abstract, titleText, abstractText, titleKey, firstSeenAt, feedAt, updatedAt, sourceName)
    SELECT 'bulk-paper-' || i, 'Bulk paper ' || i, 'Abstract ' || i, 'Bulk paper ' || i, 'Abstract ' || i, 'bulk paper ' || i,
      '2026-11-01T00:00:00.000+00:00', strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2026-11-01', '-' || i || ' minutes'),
      '2026-11-01T00:00:00.000+00:00', 'test'
    FROM n`);
}

async function locs(response: Response): Promise<string[]> {
  return [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  temp = await createRouteTestDb();
  await insertPapers(49_998, 1);
  await temp.db.topic.create({
    data: {
      slug: "bulk-topic",
      label: "Bulk topic",
      kind: "phrase",
      paperCount: 1,
      papers: { create: [{ paperId: 1 }] },
    },
  });
}, 120_000);
afterAll(() => temp.cleanup());

describe("sitemap index", { timeout: 120_000 }, () => {
  it("stays one <urlset> at exactly 50,000 URLs", async () => {
    // The feed, one topic and 49,998 papers.
    const xml = await (await sitemapXml()).text();
    expect(xml).toContain("<urlset");
    expect(await locs(new Response(xml))).toHaveLength(50_000);
    expect((await childSitemap(new Request("http://localhost/sitemaps/0.xml"), params({ file: "0.xml" }))).status).toBe(
      404,
    );
  });

  it("becomes an index of child sitemaps beyond, each URL in exactly one child", async () => {
    await insertPapers(PAPERS - 49_998, 49_999);
    const appUrl = env().appUrl;
    const index = await sitemapXml();
    expect(index.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await index.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    expect(await locs(new Response(xml))).toEqual([`${appUrl}/sitemaps/0.xml`, `${appUrl}/sitemaps/1.xml`]);

    const first = await locs(
      await childSitemap(new Request("http://localhost/sitemaps/0.xml"), params({ file: "0.xml" })),
    );
    const second = await locs(
      await childSitemap(new Request("http://localhost/sitemaps/1.xml"), params({ file: "1.xml" })),
    );
    expect(first).toHaveLength(50_000);
    expect(second).toHaveLength(1 + 1 + PAPERS - 50_000);
    expect(first.slice(0, 3)).toEqual([`${appUrl}/`, `${appUrl}/topics/bulk-topic`, `${appUrl}/papers/bulk-paper-1`]);
    // Newest first: the oldest paper ends the last child.
    expect(second.at(-1)).toBe(`${appUrl}/papers/bulk-paper-${PAPERS}`);
    const all = new Set([...first, ...second]);
    expect(all.size).toBe(first.length + second.length);
    for (const i of [1, 25_000, 49_998, 49_999, PAPERS]) expect(all).toContain(`${appUrl}/papers/bulk-paper-${i}`);
  });

  it("answers 404 for a child past the last and for a name that is not one", async () => {
    for (const file of ["2.xml", "x.xml", "1", "-1.xml"]) {
      const response = await childSitemap(new Request(`http://localhost/sitemaps/${file}`), params({ file }));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
