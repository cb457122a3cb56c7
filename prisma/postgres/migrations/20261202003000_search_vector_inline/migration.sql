-- Search ranking reads every match's "searchVector" (ts_rank). A paper's row is ~4 kB, over the 2 kB
-- TOAST threshold, and the vector (~1.5 kB, which pglz cannot shrink) was the largest value, so it was moved
-- out of line: each ranked match cost a lookup in the TOAST table. With storage MAIN the vector stays in
-- the row and the abstracts (plain text, which compresses) go out of line instead; the search page reads
-- those for its 20 results only. Rows written before this keep their layout until they are next updated.
ALTER TABLE "Paper" ALTER COLUMN "searchVector" SET STORAGE MAIN;

-- Matches of a full-text query, counted through the GIN index up to a cap (the "10,000+" of a very
-- common query). With the LIMIT the planner prefers a sequential scan, which reads every row's vector to
-- test it (1.26 s against 0.15 s for 10,000 matches in 30k papers, measured); the function's own setting
-- keeps it on the index, in one statement, without a transaction around it.
CREATE FUNCTION paper_matches_up_to(query tsquery, cap integer) RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
AS $$ SELECT count(*)::integer FROM (SELECT 1 FROM "Paper" WHERE "searchVector" @@ query LIMIT cap) m $$;
