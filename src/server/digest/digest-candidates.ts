// Everything a run needs to compose every reader's digest, loaded once per run: the new papers of the
// widest possible window in trending order, with their topics, and the topic catalogue.
import { topicResolver } from "../../domain/digest/digest-topics";
import { earliestWindowStart } from "../../domain/digest/digest-window";
import type { Paper } from "../../domain/paper";
import type { Db } from "../db";
import { PAPER_ROW_SELECT, parseJsonList, toPaper } from "../paper-rows";
import { topicsOfPapers } from "../paper-topics";

/** Enough for a week of arXiv cs.* plus extras; a reader's top 10 always comes from the head of this list. */
export const MAX_CANDIDATES = 3000;

export interface DigestCandidates {
  /** The instant the snapshot was taken: a reader's next window starts here, so nothing falls between runs. */
  takenAt: Date;
  papers: Paper[];
  resolveTopics: (wanted: readonly string[]) => string[];
  labelOf: (slug: string) => string;
}

export async function loadDigestCandidates(db: Db, now: Date, limit = MAX_CANDIDATES): Promise<DigestCandidates> {
  const rows = await db.paper.findMany({
    where: { firstSeenAt: { gte: earliestWindowStart(now), lte: now } },
    orderBy: [{ trendKey: "desc" }, { sourceRank: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: limit,
    select: PAPER_ROW_SELECT,
  });
  const topics = await topicsOfPapers(db, rows.map((row) => row.id));
  const catalogue = await db.topic.findMany({ select: { slug: true, label: true, aliases: true } });
  const labels = new Map(catalogue.map((topic) => [topic.slug, topic.label]));
  return {
    takenAt: now,
    papers: rows.map((row) => toPaper(row, topics.get(row.id) ?? [])),
    resolveTopics: topicResolver(catalogue.map((topic) => ({ ...topic, aliases: parseJsonList(topic.aliases) }))),
    labelOf: (slug) => labels.get(slug) ?? slug,
  };
}

/** Nothing is due: skip the paper query entirely (the retry job calls every few minutes). */
export function emptyCandidates(now: Date): DigestCandidates {
  return { takenAt: now, papers: [], resolveTopics: () => [], labelOf: (slug) => slug };
}
