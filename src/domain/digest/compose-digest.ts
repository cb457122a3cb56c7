// One reader's digest: the new trending papers that match what they follow (topics, search words,
// authors), in trending order, never a paper twice. Following nothing means "everything trending".
import { matchingAuthors } from "@/domain/authors/author-key";
import type { Paper, TopicRef } from "@/domain/paper";
import { digestWindowStart } from "./digest-window";
import { excerpt } from "./excerpt";
import { whyItIsHere } from "./digest-reason";

/** "topics": matches what the reader follows; "trending": a reader who follows nothing. */
export type DigestSection = "topics" | "trending";

export interface DigestItem {
  paper: Paper;
  section: DigestSection;
  matchedTopics: TopicRef[];
  excerpt: string;
  reason: string;
}

/** What a reader follows, resolved for matching. Every part given must match; within a part, any. */
export interface ReaderFollows {
  /** Canonical topic slugs (already resolved against the catalogue). */
  topicSlugs: readonly string[];
  /** Author keys (authorKey). */
  authorKeys: readonly string[];
  /** The saved search words as written; "" for none. */
  queryText: string;
  /** Ids of the candidates the search words match (found by the search module); ignored without words. */
  queryMatches: ReadonlySet<number>;
}

export interface DigestReader {
  follows: ReaderFollows;
  lastDigestAt: Date | null;
  /** Papers this reader has already been sent. */
  sentPaperIds: ReadonlySet<number>;
  /** How far a first digest reaches back: a day for a daily reader, a week for a weekly one. */
  firstWindowDays?: number;
}

export interface ComposeDigestInput {
  /** Candidate papers in trending order (trendKey descending), loaded once per run. */
  candidates: readonly Paper[];
  reader: DigestReader;
  now: Date;
  size: number;
  /** A run composing thousands of digests passes a memoised excerpt (see `excerptCache`); defaults to `excerpt`. */
  excerptOf?: (paper: Paper) => string;
}

export const FOLLOWS_NOTHING: ReaderFollows = {
  topicSlugs: [],
  authorKeys: [],
  queryText: "",
  queryMatches: new Set(),
};

/** Returns at most `size` items; an empty list means "nothing new, send nothing". */
export function composeDigest({
  candidates,
  reader,
  now,
  size,
  excerptOf = (paper) => excerpt(paper.abstract),
}: ComposeDigestInput): DigestItem[] {
  const since = digestWindowStart(reader.lastDigestAt, now, reader.firstWindowDays).getTime();
  const until = now.getTime();
  const { follows } = reader;
  const topics = new Set(follows.topicSlugs);
  const authors = new Set(follows.authorKeys);
  const hasWords = follows.queryText !== "";
  const everything = topics.size === 0 && authors.size === 0 && !hasWords;
  const matches = (paper: Paper) =>
    (topics.size === 0 || paper.topics.some((topic) => topics.has(topic.slug))) &&
    (authors.size === 0 || matchingAuthors(paper.authors, authors).length > 0) &&
    (!hasWords || follows.queryMatches.has(paper.id));

  // One pass in trending order: the rank among the reader's new papers, and the head of their matches.
  // Runs once per reader per edition, so it allocates only for the papers it keeps.
  const picks: { paper: Paper; rank: number }[] = [];
  let windowSize = 0;
  for (const paper of candidates) {
    const seen = paper.firstSeenAt.getTime();
    if (seen < since || seen > until || reader.sentPaperIds.has(paper.id)) continue;
    windowSize += 1;
    if (picks.length < size && (everything || matches(paper))) picks.push({ paper, rank: windowSize });
  }

  return picks.map(({ paper, rank }) => {
    const matchedTopics = paper.topics.filter((topic) => topics.has(topic.slug));
    return {
      paper,
      section: everything ? "trending" : "topics",
      matchedTopics,
      excerpt: excerptOf(paper),
      reason: whyItIsHere({
        paper,
        matchedTopics,
        matchedAuthors: matchingAuthors(paper.authors, authors),
        queryText: follows.queryText,
        rank,
        windowSize,
      }),
    };
  });
}

/** A per-run memo of each candidate's excerpt: every reader of an edition shares the same papers. */
export function excerptCache(): (paper: Paper) => string {
  const cache = new Map<number, string>();
  return (paper) => {
    let text = cache.get(paper.id);
    if (text === undefined) cache.set(paper.id, (text = excerpt(paper.abstract)));
    return text;
  };
}
