// Topics: the catalogue pages and the API read, and the vocabulary maintenance jobs run.
import type { TopicRef } from "@/domain/paper";

export interface TopicSummary {
  slug: string;
  label: string;
  /** phrase (extracted from the corpus) | category (arXiv) | retired (RETIRED_TOPIC) */
  kind: string;
  paperCount: number;
}

/**
 * The kind of a topic that is no longer one (a generic word, docs/search.md "Retired topics"): kept so old
 * links and subscriptions resolve, never tagged, listed or offered.
 */
export const RETIRED_TOPIC = "retired";

export interface TopicDetail extends TopicSummary {
  id: number;
  aliases: string[];
}

export interface TopicStore {
  /** Every topic that has papers, most papers first. */
  listTopics(): Promise<TopicSummary[]>;
  topicBySlug(slug: string): Promise<TopicDetail | null>;
  /** Every live (not retired) topic's slug, label and other names (resolving what subscribers wrote). */
  catalogue(): Promise<{ slug: string; label: string; aliases: string[] }[]>;
  /** The largest topics, for the subscribe box. */
  topicChoices(limit: number): Promise<TopicRef[]>;
  /** Topics whose names are closest to `text` (the largest ones when none is close). */
  suggestTopics(text: string): Promise<TopicRef[]>;
  /** Recomputes the vocabulary from the corpus; the numbers say what changed. */
  recomputeVocabulary(now: Date): Promise<{ topics: number; newSpellings: number; tagged: number }>;
}
