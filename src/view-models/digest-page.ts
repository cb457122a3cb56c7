// What the digest pages render, as plain JSON: an edition's items (today's, a subscriber's preview) or what
// a past edition sent.
import type { DigestItem } from "@/domain/digest/compose-digest";
import type { Paper } from "@/domain/paper";

export interface DigestItemView {
  section: DigestItem["section"];
  paper: { id: number; slug: string; title: string; authors: string[] };
  excerpt: string;
  reason: string;
}

export interface ArchivedPaperView {
  id: number;
  slug: string;
  title: string;
  topicLabels: string[];
}

export function digestItemViews(items: readonly DigestItem[]): DigestItemView[] {
  return items.map(({ section, paper, excerpt, reason }) => ({
    section,
    paper: { id: paper.id, slug: paper.slug, title: paper.title, authors: paper.authors },
    excerpt,
    reason,
  }));
}

export function archivedPaperViews(papers: readonly { paper: Paper; sentTo: number }[]): ArchivedPaperView[] {
  return papers.map(({ paper }) => ({
    id: paper.id,
    slug: paper.slug,
    title: paper.title,
    topicLabels: paper.topics.map((topic) => topic.label),
  }));
}
