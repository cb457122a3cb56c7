// The URLs search engines should know: the feed, every topic, and papers newest first, within the
// 50,000-URL limit of one sitemap file.
import type { Db } from "./db";

export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
  changeFrequency?: "hourly" | "daily" | "weekly" | "monthly";
  priority?: number;
}

export async function sitemapEntries(db: Db, appUrl: string, now: Date): Promise<SitemapEntry[]> {
  const topics = await db.topic.findMany({
    where: { paperCount: { gt: 0 } },
    orderBy: { paperCount: "desc" },
    select: { slug: true },
    take: SITEMAP_URL_LIMIT / 10,
  });
  const papers = await db.paper.findMany({
    orderBy: [{ feedAt: "desc" }, { id: "desc" }],
    take: SITEMAP_URL_LIMIT - 1 - topics.length,
    select: { slug: true, updatedAt: true },
  });
  return [
    { url: `${appUrl}/`, lastModified: now, changeFrequency: "hourly", priority: 1 },
    ...topics.map((topic) => ({
      url: `${appUrl}/topics/${topic.slug}`,
      changeFrequency: "daily" as const,
      priority: 0.6,
    })),
    ...papers.map((paper) => ({
      url: `${appUrl}/papers/${paper.slug}`,
      lastModified: paper.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
  ];
}
