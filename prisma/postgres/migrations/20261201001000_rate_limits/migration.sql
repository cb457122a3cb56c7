-- Rate-limit windows shared by every app instance on this database: one row per limit and client key,
-- counted by one upsert per request; rows whose window has ended are swept.
CREATE TABLE "RateLimit" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowEndMs" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("scope","key")
);

CREATE INDEX "RateLimit_windowEndMs_idx" ON "RateLimit"("windowEndMs");
