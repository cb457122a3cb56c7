-- Trending feed: drop the single-column feedAt index. ("feedAt", "trendKey") already serves every
-- feedAt range and the "New" order, and with both present SQLite picked the narrower one for window
-- queries, then read each row of the window only to fetch trendKey (5x slower on a month of papers).
DROP INDEX IF EXISTS "Paper_feedAt_idx";
