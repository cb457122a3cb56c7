import { afterAll, beforeAll, describe, expect, it } from "vitest";
import robots from "../../src/app/robots";
import sitemap from "../../src/app/sitemap";
import { env } from "../../src/env";
import { loadSampleIfEmpty } from "../../src/server/sample-data";
import { createRouteTestDb } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;

beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.db, new Date("2026-11-26T12:00:00Z"));
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
    const entries = await sitemap();
    const urls = entries.map((e) => e.url);
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
