-- Job leases: one row per scheduled job, held by one server process until it expires.
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- A confirmation mail being sent is claimed, so two processes never send (and invalidate) one each.
ALTER TABLE "Subscriber" ADD COLUMN "confirmClaimedAt" DATETIME;

-- Papers an import committed whose topics and related lists are not computed yet: the next import
-- (or the same one, once the indexing step succeeds) completes them.
CREATE TABLE "PendingIndex" (
    "paperId" INTEGER NOT NULL PRIMARY KEY,
    "tagged" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "PendingIndex_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
