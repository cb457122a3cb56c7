// One reader's digest: their topics' new papers first, then the overall top to fill, never a paper twice.
import type { Paper, TopicRef } from "@/domain/paper";
import { digestWindowStart } from "./digest-window";
import { excerpt } from "./excerpt";
import { whyItIsHere } from "./digest-reason";

export type DigestSection = "topics" | "trending";

export interface DigestItem {
  paper: Paper;
  section: DigestSection;
  matchedTopics: TopicRef[];
  excerpt: string;
  reason: string;
}

export interface DigestReader {
  /** Canonical topic slugs (already resolved against the catalogue). */
  topicSlugs: readonly string[];
  lastDigestAt: Date | null;
  /** Papers this reader has already been sent. */
  sentPaperIds: ReadonlySet<number>;
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

/** Returns at most `size` items; an empty list means "nothing new, send nothing". */
export function composeDigest({
  candidates,
  reader,
  now,
  size,
  excerptOf = (paper) => excerpt(paper.abstract),
}: ComposeDigestInput): DigestItem[] {
  const since = digestWindowStart(reader.lastDigestAt, now).getTime();
  const until = now.getTime();
  const wanted = new Set(reader.topicSlugs);
  const matches = (paper: Paper) => wanted.size > 0 && paper.topics.some((topic) => wanted.has(topic.slug));

  // One pass in trending order: the rank among the reader's new papers, and the two sections' heads.
  // Runs once per reader per edition, so it allocates only for the papers it keeps.
  const topicPicks: { paper: Paper; rank: number }[] = [];
  const trendingPicks: { paper: Paper; rank: number }[] = [];
  let windowSize = 0;
  for (const paper of candidates) {
    const seen = paper.firstSeenAt.getTime();
    if (seen < since || seen > until || reader.sentPaperIds.has(paper.id)) continue;
    windowSize += 1;
    if (topicPicks.length < size && matches(paper)) topicPicks.push({ paper, rank: windowSize });
    else if (trendingPicks.length < size) trendingPicks.push({ paper, rank: windowSize });
  }
  // While the topics section has room every match goes there, so the fillers are the top non-matches.
  const fillers = trendingPicks.slice(0, size - topicPicks.length);

  const toItem = ({ paper, rank }: { paper: Paper; rank: number }, section: DigestSection): DigestItem => {
    const matchedTopics = wanted.size === 0 ? [] : paper.topics.filter((topic) => wanted.has(topic.slug));
    return {
      paper,
      section,
      matchedTopics,
      excerpt: excerptOf(paper),
      reason: whyItIsHere({ paper, matchedTopics, rank, windowSize }),
    };
  };
  return [...topicPicks.map((pick) => toItem(pick, "topics")), ...fillers.map((pick) => toItem(pick, "trending"))];
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
