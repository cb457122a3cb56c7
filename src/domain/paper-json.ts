// The public JSON shape of a paper (the API's contract; change it only additively).
import type { Paper } from "./paper";

export function paperToJson(paper: Paper, appUrl: string) {
  return {
    id: paper.id,
    slug: paper.slug,
    url: `${appUrl}/papers/${paper.slug}`,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    arxivId: paper.arxivId,
    sourceUrl: paper.sourceUrl,
    pdfUrl: paper.pdfUrl,
    doi: paper.doi,
    primaryCategory: paper.primaryCategory,
    categories: paper.categories,
    code: paper.codeUrl,
    publishedAt: paper.publishedAt?.toISOString() ?? null,
    firstSeenAt: paper.firstSeenAt.toISOString(),
    source: { name: paper.sourceName, rank: paper.sourceRank },
    votes: paper.votes,
    topics: paper.topics,
  };
}
