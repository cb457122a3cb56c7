// An author's page: their papers in the listing's trending order, and the topics they write about most.
import type { Paper } from "@/domain/paper";
import type { AuthorSummary } from "@/server/store/authors";
import type { Store } from "@/server/store/store";

export interface AuthorPage {
  author: AuthorSummary;
  papers: Paper[];
  /** Their topics, by how many of the listed papers carry each. */
  topics: { slug: string; label: string; papers: number }[];
}

export async function loadAuthorPage(
  store: Pick<Store, "authors" | "listing">,
  slug: string,
  limit: number,
): Promise<AuthorPage | null> {
  const author = await store.authors.author(slug);
  if (!author) return null;
  const { papers } = await store.listing.listPapers({
    order: "trending",
    since: null,
    paperIds: await store.authors.paperIdsBy([author.key]),
    limit,
    offset: 0,
    count: false,
  });
  const counts = new Map<string, { slug: string; label: string; papers: number }>();
  for (const topic of papers.flatMap((paper) => paper.topics)) {
    const entry = counts.get(topic.slug) ?? { ...topic, papers: 0 };
    entry.papers += 1;
    counts.set(topic.slug, entry);
  }
  const topics = [...counts.values()].sort((a, b) => b.papers - a.papers || a.label.localeCompare(b.label));
  return { author, papers, topics: topics.slice(0, 12) };
}
