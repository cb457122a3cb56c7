// Tags new papers before the import inserts them, inside its transaction, so each paper is written once with
// its topicsText: an UPDATE of topicsText afterwards recomputes the whole search vector and its GIN entries
// (it took 40% of the database's time in an import). The tags are the ones tagNewPapers would give; when
// the vocabulary is due for recomputation after the batch, the batch is left to tagNewPapers instead.
import { parseJsonList } from "@/domain/json-list";
import type { TopicMatcher } from "@/domain/topics/topic-matcher";
import { paperTopicsText, topicSpellingsText } from "@/domain/topics/topics-text";
import type { PgContext, SqlSession } from "@/server/store/postgres/pg-client";
import { CATEGORY_TAG_WEIGHT } from "@/server/store/sqlite/topics/topic-tagging";
import type { DraftTags, TaggableDraft } from "@/server/store/sqlite/topics/topic-pretagging";
import { isRecomputeDue } from "@/server/store/sqlite/topics/topic-store";
import { currentMatcher, vocabularyState } from "./topic-store";
import { categoryTopicIds } from "./topic-tagging";

/** The matcher to tag a batch of `count` new papers with before their insert, or null to tag them after it. */
export async function pretaggingMatcher(ctx: PgContext, count: number): Promise<TopicMatcher | null> {
  const state = await vocabularyState(ctx.db);
  if (isRecomputeDue(state.corpusSize + count, state.lastCorpusSize)) return null;
  return currentMatcher(ctx);
}

/**
 * Tags drafts part by part (paper-insert.ts): the category topics of the whole batch are created on first
 * sight (as tagging does) before the first part, and each topic's spellings are read once per batch.
 */
export async function draftTagger(
  tx: SqlSession,
  matcher: TopicMatcher,
  categoryCodes: Iterable<string>,
): Promise<(drafts: readonly TaggableDraft[]) => Promise<DraftTags[]>> {
  const categories = await categoryTopicIds(tx, categoryCodes);
  const texts = new Map<number, string>();
  return async (drafts) => {
    const tagged = drafts.map((draft) => {
      const tags = matcher
        .match(draft.titleText, draft.abstractText)
        .map((m) => ({ topicId: m.topicId, weight: m.weight }));
      for (const code of draft.categories) {
        const topicId = categories.get(code);
        if (topicId !== undefined) tags.push({ topicId, weight: CATEGORY_TAG_WEIGHT });
      }
      return tags;
    });
    const unread = [...new Set(tagged.flatMap((tags) => tags.map((tag) => tag.topicId)))].filter(
      (id) => !texts.has(id),
    );
    if (unread.length > 0) {
      const topics = await tx.rows<{ id: number; label: string; aliases: string }>(
        `SELECT "id", "label", "aliases" FROM "Topic" WHERE "id" = ANY($1::int[])`,
        unread,
      );
      for (const t of topics) texts.set(t.id, topicSpellingsText(t.label, parseJsonList(t.aliases)));
    }
    return tagged.map((tags) => ({
      tags,
      topicsText: paperTopicsText(
        tags.map((tag) => tag.topicId),
        texts,
      ),
    }));
  };
}
