-- Generic single words ("Rank", "Space", "Adaptive") stop being topics. The migrator then marks each phrase
-- topic whose label is one of them as "retired" (src/server/store/migration-backfills.ts, with the rule the
-- vocabulary extraction now applies: src/domain/topics/generic-words.ts); the next migration removes their
-- tags. The rows stay so old links and subscriptions still resolve (docs/search.md, "Retired topics").
-- The vocabulary is recomputed under the new rules by the next import: forgetting the past runs makes it due.
DELETE FROM "TopicVocabularyRun";
