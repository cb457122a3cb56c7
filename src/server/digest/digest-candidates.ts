// Everything a run needs to compose every reader's digest, loaded once per run: the papers first seen in
// the widest possible window, in the listing's trending order, the topic catalogue, and each distinct saved
// search's matches among those papers (asked of the search module once per run, whoever saved it).
import { authorKeys } from "@/domain/authors/author-key";
import { excerptCache, FOLLOWS_NOTHING, type ReaderFollows } from "@/domain/digest/compose-digest";
import { topicResolver } from "@/domain/digest/digest-topics";
import { earliestWindowStart } from "@/domain/digest/digest-window";
import type { Paper } from "@/domain/paper";
import { parseJsonList } from "@/domain/json-list";
import { matchingPaperIds } from "@/server/search/ranked-ids";
import type { DigestRecipient } from "@/server/store/digest";
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
  /** What a reader follows, ready for composeDigest (saved searches are run once per run per text). */
  followsOf: (recipient: Pick<DigestRecipient, "topics" | "query" | "authors">) => Promise<ReaderFollows>;
}

export interface ReaderTopics {
  slugs: string[];
  /** The catalogue labels of those slugs. Words that name no topic are left out: mail never repeats a reader's text. */
  labels: string[];
}

/** Bounded so a run over many distinct topic lists or searches cannot grow the memo without limit. */
const MAX_MEMOISED = 5000;

function readerTopicsMemo(resolveTopics: DigestCandidates["resolveTopics"], labelOf: DigestCandidates["labelOf"]) {
  const memo = new Map<string, ReaderTopics>();
  return (topicsJson: string): ReaderTopics => {
    let found = memo.get(topicsJson);
    if (found) return found;
    const slugs = resolveTopics(parseJsonList(topicsJson));
    found = { slugs, labels: slugs.map(labelOf) };
    if (memo.size < MAX_MEMOISED) memo.set(topicsJson, found);
    return found;
  };
}

function followsMemo(
  readerTopics: DigestCandidates["readerTopics"],
  searchMatches: (text: string) => Promise<Set<number>>,
): DigestCandidates["followsOf"] {
  const searches = new Map<string, Promise<Set<number>>>();
  return async (recipient) => {
    const queryText = recipient.query.trim();
    let matches = searches.get(queryText);
    if (!matches) {
      matches = queryText === "" ? Promise.resolve(new Set<number>()) : searchMatches(queryText);
      if (searches.size < MAX_MEMOISED) searches.set(queryText, matches);
    }
    return {
      topicSlugs: readerTopics(recipient.topics).slugs,
      authorKeys: authorKeys(parseJsonList(recipient.authors)),
      queryText,
      queryMatches: await matches,
    };
  };
}

export async function loadDigestCandidates(
  store: Pick<Store, "listing" | "topics" | "search">,
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
  const readerTopics = readerTopicsMemo(resolveTopics, labelOf);
  const ids = page.papers.map((paper) => paper.id);
  return {
    takenAt: now,
    papers: page.papers,
    resolveTopics,
    labelOf,
    excerptOf: excerptCache(),
    readerTopics,
    followsOf: followsMemo(readerTopics, (text) => matchingPaperIds(store, text, ids)),
  };
}

/** Nothing is due: skip the paper query entirely (the retry job calls every few minutes). */
export function emptyCandidates(now: Date): DigestCandidates {
  const resolveTopics = () => [];
  const labelOf = (slug: string) => slug;
  const readerTopics = readerTopicsMemo(resolveTopics, labelOf);
  return {
    takenAt: now,
    papers: [],
    resolveTopics,
    labelOf,
    excerptOf: excerptCache(),
    readerTopics,
    followsOf: async () => FOLLOWS_NOTHING,
  };
}
