// Everything a run needs to compose every reader's digest, loaded once per run: the new papers of the
// widest possible window in trending order, with their topics, and the topic catalogue.
import { excerptCache } from "@/domain/digest/compose-digest";
import { topicResolver } from "@/domain/digest/digest-topics";
import { earliestWindowStart } from "@/domain/digest/digest-window";
import type { Paper } from "@/domain/paper";
import type { Db } from "@/server/db";
import { PAPER_ROW_SELECT, parseJsonList, toPaper } from "@/server/paper-rows";
import { topicsOfPapers } from "@/server/paper-topics";

/** Enough for a week of arXiv cs.* plus extras; a reader's top 10 always comes from the head of this list. */
export const MAX_CANDIDATES = 3000;

export interface DigestCandidates {
  /** The instant the snapshot was taken: a reader's next window starts here, so nothing falls between runs. */
  takenAt: Date;
  papers: Paper[];
  resolveTopics: (wanted: readonly string[]) => string[];
  labelOf: (slug: string) => string;
  /** Memoised per run: every reader shares the same candidates, so each excerpt is cut once. */
  excerptOf: (paper: Paper) => string;
  /** A reader's stored topics (JSON) resolved to catalogue slugs and display labels, memoised per run. */
  readerTopics: (topicsJson: string) => ReaderTopics;
}

export interface ReaderTopics {
  slugs: string[];
  /** One label per topic the reader wrote: the catalogue label when it resolves, else their own words. */
  labels: string[];
}

/** Bounded so a run over many distinct topic lists cannot grow the memo without limit. */
const MAX_MEMOISED_TOPIC_LISTS = 5000;

function readerTopicsMemo(resolveTopics: DigestCandidates["resolveTopics"], labelOf: DigestCandidates["labelOf"]) {
  const memo = new Map<string, ReaderTopics>();
  return (topicsJson: string): ReaderTopics => {
    let found = memo.get(topicsJson);
    if (found) return found;
    const wanted = parseJsonList(topicsJson);
    const labels = wanted.map((topic) => {
      const [slug] = resolveTopics([topic]);
      return slug ? labelOf(slug) : topic;
    });
    found = { slugs: resolveTopics(wanted), labels };
    if (memo.size < MAX_MEMOISED_TOPIC_LISTS) memo.set(topicsJson, found);
    return found;
  };
}

export async function loadDigestCandidates(db: Db, now: Date, limit = MAX_CANDIDATES): Promise<DigestCandidates> {
  const rows = await db.paper.findMany({
    where: { firstSeenAt: { gte: earliestWindowStart(now), lte: now } },
    orderBy: [{ trendKey: "desc" }, { sourceRank: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: limit,
    select: PAPER_ROW_SELECT,
  });
  const topics = await topicsOfPapers(
    db,
    rows.map((row) => row.id),
  );
  const catalogue = await db.topic.findMany({ select: { slug: true, label: true, aliases: true } });
  const labels = new Map(catalogue.map((topic) => [topic.slug, topic.label]));
  const resolveTopics = topicResolver(catalogue.map((topic) => ({ ...topic, aliases: parseJsonList(topic.aliases) })));
  const labelOf = (slug: string) => labels.get(slug) ?? slug;
  return {
    takenAt: now,
    papers: rows.map((row) => toPaper(row, topics.get(row.id) ?? [])),
    resolveTopics,
    labelOf,
    excerptOf: excerptCache(),
    readerTopics: readerTopicsMemo(resolveTopics, labelOf),
  };
}

/** Nothing is due: skip the paper query entirely (the retry job calls every few minutes). */
export function emptyCandidates(now: Date): DigestCandidates {
  const resolveTopics = () => [];
  const labelOf = (slug: string) => slug;
  return {
    takenAt: now,
    papers: [],
    resolveTopics,
    labelOf,
    excerptOf: excerptCache(),
    readerTopics: readerTopicsMemo(resolveTopics, labelOf),
  };
}
