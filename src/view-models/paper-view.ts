// A paper as pages show it: plain JSON (dates as ISO strings), so getServerSideProps hands it over as is.
import type { Paper, TopicRef } from "@/domain/paper";

/** The paper's displayed facts, with its dates as ISO timestamps. */
export type PaperView = Pick<
  Paper,
  "id" | "slug" | "title" | "abstract" | "authors" | "arxivId" | "primaryCategory" | "votes" | "codeUrl"
> & {
  topics: TopicRef[];
  publishedAt: string | null;
  firstSeenAt: string;
};

export function paperView(paper: Paper): PaperView {
  return {
    id: paper.id,
    slug: paper.slug,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    arxivId: paper.arxivId,
    primaryCategory: paper.primaryCategory,
    votes: paper.votes,
    codeUrl: paper.codeUrl,
    topics: paper.topics.map(({ slug, label }) => ({ slug, label })),
    publishedAt: paper.publishedAt?.toISOString() ?? null,
    firstSeenAt: paper.firstSeenAt.toISOString(),
  };
}
