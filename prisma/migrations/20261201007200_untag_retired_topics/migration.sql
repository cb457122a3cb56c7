-- Removes the tags of retired topics (previous migration), zeroes their counts and rewrites the searchable
-- topic text of the papers that carried them (the FTS triggers re-index those papers).
CREATE TEMP TABLE "RetiredTagged" AS
  SELECT DISTINCT pt."paperId" AS "id" FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId" WHERE t."kind" = 'retired';
DELETE FROM "PaperTopic" WHERE "topicId" IN (SELECT "id" FROM "Topic" WHERE "kind" = 'retired');
UPDATE "Topic" SET "paperCount" = 0 WHERE "kind" = 'retired';
UPDATE "Paper" SET "topicsText" = coalesce((
    SELECT group_concat(t."label" || coalesce((SELECT ' | ' || group_concat(value, ' | ') FROM json_each(t."aliases")), ''), ' | ')
    FROM "PaperTopic" pt JOIN "Topic" t ON t."id" = pt."topicId" WHERE pt."paperId" = "Paper"."id"), '')
  WHERE "id" IN (SELECT "id" FROM "RetiredTagged");
DROP TABLE "RetiredTagged";
