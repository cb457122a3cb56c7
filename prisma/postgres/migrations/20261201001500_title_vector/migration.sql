-- The title's own tsvector, stored, for the title boost in search ranking (pg-search.ts). Computing it with
-- to_tsvector at query time parsed and stemmed the title of every ranked match on every search.
-- A stored generated column: PostgreSQL keeps it in step with "titleText" on every insert and update.
ALTER TABLE "Paper" ADD COLUMN "titleVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('english', "titleText")
) STORED;
