// The URLs search engines should know: the feed, every topic, and papers newest first, within the
// 50,000-URL limit of one sitemap file.
import type { Store } from "../store/store";

export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
  changeFrequency?: "hourly" | "daily" | "weekly" | "monthly";
  priority?: number;
}

export async function sitemapEntries(store: Pick<Store, "topics" | "papers">, appUrl: string, now: Date): Promise<SitemapEntry[]> {
  const topics = (await store.topics.listTopics()).slice(0, SITEMAP_URL_LIMIT / 10);
  const papers = await store.papers.newestSlugs(SITEMAP_URL_LIMIT - 1 - topics.length);
  return [
    { url: `${appUrl}/`, lastModified: now, changeFrequency: "hourly", priority: 1 },
    ...topics.map((topic) => ({ url: `${appUrl}/topics/${topic.slug}`, changeFrequency: "daily" as const, priority: 0.6 })),
    ...papers.map((paper) => ({ url: `${appUrl}/papers/${paper.slug}`, lastModified: paper.updatedAt, changeFrequency: "weekly" as const, priority: 0.5 })),
  ];
}
