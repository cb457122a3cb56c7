-- Removes the tags of retired topics (previous migration), zeroes their counts and rewrites the searchable
-- topic text of the papers that carried them (the generated search vector follows).
CREATE TEMP TABLE "RetiredTagged" ON COMMIT DROP AS
  SELECT DISTINCT pt."paperId" AS "id" FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId" WHERE t."kind" = 'retired';
DELETE FROM "PaperTopic" WHERE "topicId" IN (SELECT "id" FROM "Topic" WHERE "kind" = 'retired');
UPDATE "Topic" SET "paperCount" = 0 WHERE "kind" = 'retired';
UPDATE "Paper" p SET "topicsText" = coalesce((
    SELECT string_agg(t."label" || coalesce((SELECT ' | ' || string_agg(a, ' | ') FROM jsonb_array_elements_text(t."aliases"::jsonb) a), ''), ' | ' ORDER BY t."id")
    FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId" WHERE pt."paperId" = p."id"), '')
  WHERE p."id" IN (SELECT "id" FROM "RetiredTagged");
