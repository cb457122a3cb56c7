-- Full-text search over papers: an FTS5 external-content index on the display-clean columns,
-- kept in sync with "Paper" by triggers so every insert/update/delete is searchable at once.
CREATE VIRTUAL TABLE "PaperSearch" USING fts5(
    "titleText",
    "abstractText",
    "authorsText",
    "topicsText",
    content = 'Paper',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Paper_search_insert" AFTER INSERT ON "Paper" BEGIN
    INSERT INTO "PaperSearch" (rowid, "titleText", "abstractText", "authorsText", "topicsText")
    VALUES (new."id", new."titleText", new."abstractText", new."authorsText", new."topicsText");
END;

CREATE TRIGGER "Paper_search_delete" AFTER DELETE ON "Paper" BEGIN
    INSERT INTO "PaperSearch" ("PaperSearch", rowid, "titleText", "abstractText", "authorsText", "topicsText")
    VALUES ('delete', old."id", old."titleText", old."abstractText", old."authorsText", old."topicsText");
END;

CREATE TRIGGER "Paper_search_update" AFTER UPDATE OF "titleText", "abstractText", "authorsText", "topicsText" ON "Paper" BEGIN
    INSERT INTO "PaperSearch" ("PaperSearch", rowid, "titleText", "abstractText", "authorsText", "topicsText")
    VALUES ('delete', old."id", old."titleText", old."abstractText", old."authorsText", old."topicsText");
    INSERT INTO "PaperSearch" (rowid, "titleText", "abstractText", "authorsText", "topicsText")
    VALUES (new."id", new."titleText", new."abstractText", new."authorsText", new."topicsText");
END;
