-- Topic vocabulary recomputations: when each ran and how many papers the corpus had, so the next
-- recomputation can wait until the corpus has doubled (docs/search.md).
CREATE TABLE "TopicVocabularyRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "computedAt" DATETIME NOT NULL,
    "paperCount" INTEGER NOT NULL,
    "topicCount" INTEGER NOT NULL
);
