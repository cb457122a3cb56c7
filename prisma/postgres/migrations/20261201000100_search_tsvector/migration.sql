-- Full-text search: a weighted tsvector kept by PostgreSQL itself (a stored generated column, so every
-- insert and update of the texts re-indexes the paper in the same statement) and its GIN index.
-- Title A, abstract B, authors and topic names C; English stemming.
ALTER TABLE "Paper" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "titleText"), 'A') ||
  setweight(to_tsvector('english', "abstractText"), 'B') ||
  setweight(to_tsvector('english', "authorsText"), 'C') ||
  setweight(to_tsvector('english', "topicsText"), 'C')
) STORED;

CREATE INDEX "Paper_searchVector_idx" ON "Paper" USING GIN ("searchVector");
