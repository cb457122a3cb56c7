-- Search ranking reads every match's "searchVector" and "titleVector" (ts_rank). A paper's row is ~4 kB, over
-- the 2 kB at which PostgreSQL starts moving values out of line: the vector (~1.5 kB, which pglz cannot
-- shrink) went to the TOAST table first, then the title's vector and the titles, so each ranked match cost
-- several TOAST lookups (ranking the 10,700 matches of "activ & sparsiti": 109 ms of server CPU, 41 ms with
-- every value in the row, measured on 100k papers). Rows now stay whole up to a page (8160 bytes), one paper
-- per page, about the same space as the row plus its TOAST entries took. A longer row moves the abstracts
-- out first: the search vector is stored MAIN, the last to leave the row.
-- Rows written before this keep their layout until they are rewritten (VACUUM FULL "Paper").
ALTER TABLE "Paper" SET (toast_tuple_target = 8160);
ALTER TABLE "Paper" ALTER COLUMN "searchVector" SET STORAGE MAIN;

-- Matches of a full-text query, counted through the GIN index up to a cap (the "10,000+" of a very
-- common query). With the LIMIT the planner prefers a sequential scan, which reads every row's vector to
-- test it (1.26 s against 0.15 s for 10,000 matches in 30k papers, measured); the function's own setting
-- keeps it on the index, in one statement, without a transaction around it.
CREATE FUNCTION paper_matches_up_to(query tsquery, cap integer) RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
AS $$ SELECT count(*)::integer FROM (SELECT 1 FROM "Paper" WHERE "searchVector" @@ query LIMIT cap) m $$;
