// Tags new papers before the store inserts them, inside the store's transaction, so each paper enters the
// FTS index once with its topicsText (an UPDATE afterwards would delete and re-insert its whole FTS row).
// Gives exactly the tags tagNewPapers would: when the vocabulary is due for recomputation after this batch,
// or changed since it was loaded, it declines and leaves the batch to tagNewPapers.
import { TopicMatcher } from "@/domain/topics/topic-matcher";
import { paperTopicsText, topicSpellingsText } from "@/domain/topics/topics-text";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { clientCache } from "@/server/store/sqlite/direct-connection";
import { parseJsonList } from "@/server/store/sqlite/papers/paper-rows";
import type { TopicLinkWriter } from "./topic-link-writer";
import { CATEGORY_TAG_WEIGHT } from "./topic-tagging";
import { isRecomputeDue } from "./topic-store";

export interface TaggableDraft {
  titleText: string;
  abstractText: string;
  categories: readonly string[];
}

export interface DraftTags {
  topicsText: string;
  tags: { topicId: number; weight: number }[];
}

interface Vocabulary {
  version: number;
  matcher: TopicMatcher;
  /** Phrase topics' spellings text, by topic id. */
  texts: Map<number, string>;
}

const vocabularies = clientCache<Vocabulary>("pretagging-vocabulary");

/** Tags for each draft, in order, or null when tagNewPapers must tag them after the insert. */
export function pretagDrafts(db: Db, topics: TopicLinkWriter, drafts: readonly TaggableDraft[]): DraftTags[] | null {
  if (drafts.length === 0) return null;
  const run = topics.lastVocabularyRun();
  const corpusAfterInsert = topics.nextPaperId() - 1 + drafts.length;
  if (isRecomputeDue(corpusAfterInsert, run?.paperCount ?? null)) return null;
  const { matcher, texts } = vocabularyOf(db, topics, run?.id ?? 0);
  const categories = topics.categoryTopics(drafts.flatMap((draft) => draft.categories));
  const allTexts = new Map(texts);
  for (const topic of categories.values())
    allTexts.set(topic.id, topicSpellingsText(topic.label, parseJsonList(topic.aliases)));
  return drafts.map((draft) => {
    const tags = matcher
      .match(draft.titleText, draft.abstractText)
      .map((m) => ({ topicId: m.topicId, weight: m.weight }));
    for (const code of draft.categories) {
      const topic = categories.get(code);
      if (topic) tags.push({ topicId: topic.id, weight: CATEGORY_TAG_WEIGHT });
    }
    return {
      tags,
      topicsText: paperTopicsText(
        tags.map((tag) => tag.topicId),
        allTexts,
      ),
    };
  });
}

/** The matcher over the stored phrase topics, rebuilt only when the vocabulary's version changes. */
function vocabularyOf(db: Db, topics: TopicLinkWriter, version: number): Vocabulary {
  const cached = vocabularies.get(db);
  if (cached?.version === version) return cached;
  const rows = topics.phraseTopics().map((t) => ({ id: t.id, label: t.label, aliases: parseJsonList(t.aliases) }));
  const vocabulary = {
    version,
    matcher: new TopicMatcher(rows),
    texts: new Map(rows.map((t) => [t.id, topicSpellingsText(t.label, t.aliases)])),
  };
  vocabularies.set(db, vocabulary);
  return vocabulary;
}
