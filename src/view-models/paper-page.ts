// What a paper's page renders, as plain JSON: the paper, its sources, related papers, trending explanation
// and the share metadata of its <head>.
import type { Paper } from "@/domain/paper";
import type { HistoryPoint } from "@/domain/trend-history";
import { paperSourceLinks, type SourceLink } from "@/domain/paper-links";
import { jsonLdText, paperShareMetadata, scholarlyArticle } from "@/domain/paper-share";
import type { TrendReasonView } from "@/view-models/feed-page";
import { paperView, type PaperView } from "@/view-models/paper-view";

export interface PaperPage {
  paper: PaperView;
  sourceLinks: SourceLink[];
  related: PaperView[];
  /** Position in the all-time trending order, when it has one. */
  rank: number | null;
  reasons: TrendReasonView[];
  /** The score at the end of each of the last 14 days. */
  history: HistoryPoint[];
  /** The ScholarlyArticle JSON-LD, serialised for a <script type="application/ld+json"> data block. */
  jsonLd: string;
  share: { description: string; publishedTime: string; authors: string[]; tags: string[] };
}

interface PaperPageInput {
  paper: Paper;
  related: Paper[];
  trending: { rank?: number; reasons: TrendReasonView[] } | null;
  history: HistoryPoint[];
  appUrl: string;
}

export function paperPage({ paper, related, trending, history, appUrl }: PaperPageInput): PaperPage {
  const share = paperShareMetadata(paper, appUrl);
  return {
    paper: paperView(paper),
    sourceLinks: paperSourceLinks(paper),
    related: related.map(paperView),
    rank: trending?.rank ?? null,
    reasons: (trending?.reasons ?? []).map(({ text, detail }) => ({ text, detail })),
    history: history.map(({ day, score }) => ({ day, score })),
    jsonLd: jsonLdText(scholarlyArticle(paper, appUrl)),
    share: {
      description: share.description,
      publishedTime: share.openGraph.publishedTime,
      authors: share.openGraph.authors,
      tags: share.openGraph.tags,
    },
  };
}
