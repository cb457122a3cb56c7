import { afterAll, beforeAll, describe, expect, it } from "vitest";
import robots from "../../src/app/robots";
import { GET as sitemapXml } from "../../src/app/sitemap.xml/route";
import { env } from "../../src/env";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { createRouteTestDb } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;

beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date("2026-11-26T12:00:00Z"), 24);
  const paper = await temp.db.paper.findFirstOrThrow({ select: { id: true } });
  await temp.db.topic.create({
    data: {
      slug: "sitemap-topic",
      label: "Sitemap topic",
      kind: "phrase",
      paperCount: 1,
      papers: { create: [{ paperId: paper.id }] },
    },
  });
});
afterAll(() => temp.cleanup());

describe("sitemap.xml", () => {
  it("lists the feed, every paper and the topics with papers", async () => {
    const response = await sitemapXml();
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const appUrl = env().appUrl;
    expect(urls[0]).toBe(`${appUrl}/`);
    expect(urls).toContain(`${appUrl}/topics/sitemap-topic`);
    const papers = await temp.db.paper.findMany({ select: { slug: true } });
    for (const { slug } of papers) expect(urls).toContain(`${appUrl}/papers/${slug}`);
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe("robots.txt", () => {
  it("allows the pages, keeps crawlers out of the API and personal links, and names the sitemap", () => {
    const rules = robots();
    expect(rules.sitemap).toBe(`${env().appUrl}/sitemap.xml`);
    expect(rules.rules).toMatchObject({
      userAgent: "*",
      allow: "/",
      disallow: expect.arrayContaining(["/api/", "/unsubscribe"]),
    });
  });
});
