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

/** Each draft's tags and topicsText, in order (category topics created on first sight, as tagging does). */
export async function pretagDrafts(
  tx: SqlSession,
  matcher: TopicMatcher,
  drafts: readonly TaggableDraft[],
): Promise<DraftTags[]> {
  const categories = await categoryTopicIds(
    tx,
    drafts.flatMap((draft) => draft.categories),
  );
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
  const ids = [...new Set(tagged.flatMap((tags) => tags.map((tag) => tag.topicId)))];
  const topics = await tx.rows<{ id: number; label: string; aliases: string }>(
    `SELECT "id", "label", "aliases" FROM "Topic" WHERE "id" = ANY($1::int[])`,
    ids,
  );
  const texts = new Map(topics.map((t) => [t.id, topicSpellingsText(t.label, parseJsonList(t.aliases))]));
  return tagged.map((tags) => ({
    tags,
    topicsText: paperTopicsText(
      tags.map((tag) => tag.topicId),
      texts,
    ),
  }));
}
