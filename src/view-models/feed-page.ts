// What the feed page (/) renders, as plain JSON: the feed or search results and topics (the same for every visitor).
// The input types are structural, so this module needs nothing from the server layer.
import type { FeedSort, FeedWindow } from "@/domain/feed-params";
import type { Paper, TopicRef } from "@/domain/paper";
import { paperView, type PaperView } from "@/view-models/paper-view";

type Ranges = [number, number][];

export interface TrendReasonView {
  text: string;
  detail: string;
}

export interface FeedItemView {
  paper: PaperView;
  rank: number;
  reasons: TrendReasonView[];
  /** Character ranges of the query's matches in the title (search results only). */
  titleHighlights?: Ranges;
  snippet?: { text: string; highlights: Ranges };
}

/** What a feed says about itself besides its items: paging, the count, search notices and suggestions. */
interface FeedFacts {
  nextCursor: string | null;
  total: number;
  totalIsLowerBound?: boolean;
  notice?: string;
  correctedQuery?: string;
  suggestions?: TopicRef[];
}

export interface FeedView extends FeedFacts {
  items: FeedItemView[];
}

export interface TopicCountView extends TopicRef {
  paperCount: number;
}

/** The feed parameters a page was asked for, as the page shows and links them. */
export interface FeedPageQuery {
  q?: string;
  topic?: string;
  author?: string[];
  has?: string;
  like?: string;
  window: FeedWindow;
  sort?: FeedSort;
}

export interface FeedPage {
  query: FeedPageQuery;
  sort: FeedSort;
  understood: boolean;
  /** Null: the URL named a topic that does not exist. */
  feed: FeedView | null;
  topics: TopicCountView[];
  topicChoices: TopicRef[];
  /** The page's own path and query, where the no-JavaScript vote form returns to. */
  returnTo: string;
}

interface FeedInput extends FeedFacts {
  items: (Pick<FeedItemView, "titleHighlights" | "snippet"> & {
    paper: Paper;
    trending: { rank: number; reasons: TrendReasonView[] };
  })[];
}

interface FeedPageInput {
  query: FeedPageQuery;
  sort: FeedSort;
  understood: boolean;
  feed: FeedInput | null;
  topics: TopicCountView[];
  topicChoices: TopicRef[];
  returnTo: string;
}

/** Keeps only the keys whose value is defined: JSON props have no `undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function feedView(feed: FeedInput): FeedView {
  return defined({
    items: feed.items.map((item) =>
      defined({
        paper: paperView(item.paper),
        rank: item.trending.rank,
        reasons: item.trending.reasons.map(({ text, detail }) => ({ text, detail })),
        titleHighlights: item.titleHighlights,
        snippet: item.snippet,
      }),
    ),
    nextCursor: feed.nextCursor,
    total: feed.total,
    totalIsLowerBound: feed.totalIsLowerBound,
    notice: feed.notice,
    correctedQuery: feed.correctedQuery,
    suggestions: feed.suggestions?.map(({ slug, label }) => ({ slug, label })),
  });
}

export function feedPage(page: FeedPageInput): FeedPage {
  const { q, topic, author, has, like, window, sort } = page.query;
  return {
    query: defined({ q, topic, author, has, like, window, sort }),
    sort: page.sort,
    understood: page.understood,
    feed: page.feed && feedView(page.feed),
    topics: page.topics.map(({ slug, label, paperCount }) => ({ slug, label, paperCount })),
    topicChoices: page.topicChoices.map(({ slug, label }) => ({ slug, label })),
    returnTo: page.returnTo,
  };
}
