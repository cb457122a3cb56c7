-- RelatedPaper's index on "relatedId" only served ON DELETE CASCADE, and papers are never deleted by the app;
-- every ingest batch wrote its rows at random places in it, about 20 µs per new paper at 100k papers.
-- A paper deleted by hand still takes its rows with it (a scan of RelatedPaper instead of an index lookup).
DROP INDEX "RelatedPaper_relatedId_idx";
