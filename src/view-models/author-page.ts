// What an author's page (/authors/[slug]) renders, as plain JSON.
import type { Paper } from "@/domain/paper";
import { paperView, type PaperView } from "@/view-models/paper-view";

export interface AuthorPageView {
  slug: string;
  name: string;
  paperCount: number;
  papers: PaperView[];
  topics: { slug: string; label: string; papers: number }[];
}

interface AuthorPageInput {
  author: { key: string; name: string; paperCount: number };
  papers: Paper[];
  topics: { slug: string; label: string; papers: number }[];
}

export function authorPageView({ author, papers, topics }: AuthorPageInput): AuthorPageView {
  return {
    slug: author.key,
    name: author.name,
    paperCount: author.paperCount,
    papers: papers.map(paperView),
    topics: topics.map(({ slug, label, papers: count }) => ({ slug, label, papers: count })),
  };
}
