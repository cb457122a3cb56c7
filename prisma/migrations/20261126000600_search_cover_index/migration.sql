-- Search reads trendKey and feedAt of up to a few thousand FTS candidates per query; Paper rows are
-- wide (whole abstracts), so this covering index answers those lookups without touching the rows.
CREATE INDEX "Paper_search_cover_idx" ON "Paper"("id", "trendKey", "feedAt");
