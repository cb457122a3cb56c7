-- Saved queries: a subscription holds a free-text query and authors besides its topics, and a cadence.
ALTER TABLE "Subscriber" ADD COLUMN "query" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Subscriber" ADD COLUMN "authors" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Subscriber" ADD COLUMN "cadence" TEXT NOT NULL DEFAULT 'daily';
ALTER TABLE "Subscriber" ADD COLUMN "weekday" TEXT NOT NULL DEFAULT 'mon';
