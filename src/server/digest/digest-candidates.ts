// Everything a run needs to compose every reader's digest, loaded once per run: the papers first seen in
// the widest possible window, in the listing's trending order, and the topic catalogue.
import { excerptCache } from "@/domain/digest/compose-digest";
import { topicResolver } from "@/domain/digest/digest-topics";
import { earliestWindowStart } from "@/domain/digest/digest-window";
import type { Paper } from "@/domain/paper";
import { parseJsonList } from "@/domain/json-list";
import type { Store } from "@/server/store/store";

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
  /** The catalogue labels of those slugs. Words that name no topic are left out: mail never repeats a reader's text. */
  labels: string[];
}

/** Bounded so a run over many distinct topic lists cannot grow the memo without limit. */
const MAX_MEMOISED_TOPIC_LISTS = 5000;

function readerTopicsMemo(resolveTopics: DigestCandidates["resolveTopics"], labelOf: DigestCandidates["labelOf"]) {
  const memo = new Map<string, ReaderTopics>();
  return (topicsJson: string): ReaderTopics => {
    let found = memo.get(topicsJson);
    if (found) return found;
    const slugs = resolveTopics(parseJsonList(topicsJson));
    found = { slugs, labels: slugs.map(labelOf) };
    if (memo.size < MAX_MEMOISED_TOPIC_LISTS) memo.set(topicsJson, found);
    return found;
  };
}

export async function loadDigestCandidates(
  store: Pick<Store, "listing" | "topics">,
  now: Date,
  limit = MAX_CANDIDATES,
): Promise<DigestCandidates> {
  const [page, catalogue] = await Promise.all([
    store.listing.listPapers({
      order: "trending",
      since: null,
      firstSeen: { from: earliestWindowStart(now), to: now },
      limit,
      offset: 0,
      count: false,
    }),
    store.topics.catalogue(),
  ]);
  const labels = new Map(catalogue.map((topic) => [topic.slug, topic.label]));
  const resolveTopics = topicResolver(catalogue);
  const labelOf = (slug: string) => labels.get(slug) ?? slug;
  return {
    takenAt: now,
    papers: page.papers,
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
