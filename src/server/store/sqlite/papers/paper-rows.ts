// Maps Paper rows to the domain's Paper: Prisma types stop here.
import { parseJsonList } from "@/domain/json-list";
import type { Paper, TopicRef } from "@/domain/paper";

export { parseJsonList };

export interface PaperRow {
  id: number;
  slug: string;
  titleText: string;
  abstractText: string;
  authors: string;
  arxivId: string | null;
  sourceUrl: string | null;
  pdfUrl: string | null;
  doi: string | null;
  primaryCategory: string | null;
  categories: string;
  comment: string | null;
  codeUrl: string | null;
  publishedAt: Date | null;
  firstSeenAt: Date;
  feedAt: Date;
  sourceName: string;
  sourceRank: number | null;
  votes: number;
  trendKey: number;
}

/** The columns a PaperRow needs, for Prisma `select`. */
export const PAPER_ROW_SELECT = {
  id: true,
  slug: true,
  titleText: true,
  abstractText: true,
  authors: true,
  arxivId: true,
  sourceUrl: true,
  pdfUrl: true,
  doi: true,
  primaryCategory: true,
  categories: true,
  comment: true,
  codeUrl: true,
  publishedAt: true,
  firstSeenAt: true,
  feedAt: true,
  sourceName: true,
  sourceRank: true,
  votes: true,
  trendKey: true,
} as const;

export function toPaper(row: PaperRow, topics: TopicRef[] = []): Paper {
  return {
    id: row.id,
    slug: row.slug,
    title: row.titleText,
    abstract: row.abstractText,
    authors: parseJsonList(row.authors),
    arxivId: row.arxivId,
    sourceUrl: row.sourceUrl,
    pdfUrl: row.pdfUrl,
    doi: row.doi,
    primaryCategory: row.primaryCategory,
    categories: parseJsonList(row.categories),
    comment: row.comment,
    codeUrl: row.codeUrl,
    publishedAt: row.publishedAt,
    firstSeenAt: row.firstSeenAt,
    feedAt: row.feedAt,
    sourceName: row.sourceName,
    sourceRank: row.sourceRank,
    votes: row.votes,
    trendKey: row.trendKey,
    topics,
  };
}
