// The URLs search engines should know, as one list cut into sitemap files of 50,000: the feed, the topics
// with papers (at most 5,000, the biggest first), then every paper, newest first.
import { SITEMAP_URL_LIMIT, type SitemapEntry } from "@/domain/sitemap";
import type { Store } from "@/server/store/store";

const MAX_TOPICS = SITEMAP_URL_LIMIT / 10;

type SitemapReads = Pick<Store, "topics" | "papers">;

/** Every URL in the sitemap, in all its files. */
export async function sitemapUrlCount(store: SitemapReads): Promise<number> {
  const [topics, papers] = await Promise.all([store.topics.topicChoices(MAX_TOPICS), store.papers.countPapers()]);
  return 1 + topics.length + papers;
}

/** The URLs of sitemap file `file` (0-based): positions file × limit up to the next file's first. */
export async function sitemapEntries(
  store: SitemapReads,
  appUrl: string,
  now: Date,
  file = 0,
  limit = SITEMAP_URL_LIMIT,
): Promise<SitemapEntry[]> {
  const start = file * limit;
  const end = start + limit;
  // topicChoices: topics with papers, the biggest first.
  const topics = await store.topics.topicChoices(MAX_TOPICS);
  const firstPaper = 1 + topics.length;
  const papers =
    end <= firstPaper
      ? []
      : await store.papers.newestSlugs(end - Math.max(start, firstPaper), Math.max(0, start - firstPaper));
  const leading: SitemapEntry[] = [
    { url: `${appUrl}/`, lastModified: now, changeFrequency: "hourly", priority: 1 },
    ...topics.map((topic) => ({
      url: `${appUrl}/topics/${topic.slug}`,
      changeFrequency: "daily" as const,
      priority: 0.6,
    })),
  ];
  const paperEntries = papers.map((paper): SitemapEntry => ({
    url: `${appUrl}/papers/${paper.slug}`,
    lastModified: paper.updatedAt,
    changeFrequency: "weekly",
    priority: 0.5,
  }));
  return [...leading.slice(start, end), ...paperEntries];
}
