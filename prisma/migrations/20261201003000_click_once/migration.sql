-- A digest click counts once per delivery and paper ("source" = 'digest:<delivery id>'). A unique index decides,
-- so two requests for the same link at the same moment cannot both insert. Clicks counted twice before the index
-- existed are removed first, keeping the earliest. (Their weight stays in the paper's trend key until it decays
-- or `npm run trending:rebuild` recomputes the keys from the events.)
DELETE FROM "PaperEvent"
WHERE "kind" = 'click'
  AND "source" IS NOT NULL
  AND "id" NOT IN (
    SELECT MIN("id") FROM "PaperEvent" WHERE "kind" = 'click' AND "source" IS NOT NULL GROUP BY "paperId", "source"
  );

CREATE UNIQUE INDEX "PaperEvent_click_once_key" ON "PaperEvent" ("paperId", "source") WHERE "kind" = 'click';
