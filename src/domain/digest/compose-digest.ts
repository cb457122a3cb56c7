// One reader's digest: their topics' new papers first, then the overall top to fill, never a paper twice.
import type { Paper, TopicRef } from "../paper";
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
}

/** Returns at most `size` items; an empty list means "nothing new, send nothing". */
export function composeDigest({ candidates, reader, now, size }: ComposeDigestInput): DigestItem[] {
  const since = digestWindowStart(reader.lastDigestAt, now).getTime();
  const fresh = candidates.filter(
    (paper) => paper.firstSeenAt.getTime() >= since && paper.firstSeenAt.getTime() <= now.getTime() && !reader.sentPaperIds.has(paper.id),
  );
  const wanted = new Set(reader.topicSlugs);
  const matchesOf = (paper: Paper) => paper.topics.filter((topic) => wanted.has(topic.slug));

  const topicPapers = wanted.size === 0 ? [] : fresh.filter((paper) => matchesOf(paper).length > 0).slice(0, size);
  const chosen = new Set(topicPapers.map((paper) => paper.id));
  const fillers = fresh.filter((paper) => !chosen.has(paper.id)).slice(0, size - topicPapers.length);

  const rankOf = new Map(fresh.map((paper, index) => [paper.id, index + 1]));
  const toItem = (paper: Paper, section: DigestSection): DigestItem => {
    const matchedTopics = matchesOf(paper);
    return {
      paper,
      section,
      matchedTopics,
      excerpt: excerpt(paper.abstract),
      reason: whyItIsHere({ paper, matchedTopics, rank: rankOf.get(paper.id) ?? 0, windowSize: fresh.length }),
    };
  };
  return [...topicPapers.map((p) => toItem(p, "topics")), ...fillers.map((p) => toItem(p, "trending"))];
}
