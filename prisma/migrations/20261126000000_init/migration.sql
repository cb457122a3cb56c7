-- CreateTable
CREATE TABLE "Paper" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "titleText" TEXT NOT NULL,
    "abstractText" TEXT NOT NULL,
    "authors" TEXT NOT NULL DEFAULT '[]',
    "authorsText" TEXT NOT NULL DEFAULT '',
    "topicsText" TEXT NOT NULL DEFAULT '',
    "titleKey" TEXT NOT NULL,
    "arxivId" TEXT,
    "sourceUrl" TEXT,
    "pdfUrl" TEXT,
    "doi" TEXT,
    "primaryCategory" TEXT,
    "categories" TEXT NOT NULL DEFAULT '[]',
    "comment" TEXT,
    "publishedAt" DATETIME,
    "firstSeenAt" DATETIME NOT NULL,
    "feedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceRank" INTEGER,
    "trendKey" REAL NOT NULL DEFAULT -1000000000,
    "votes" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "PaperEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paperId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "anchorAt" DATETIME NOT NULL,
    "weight" REAL NOT NULL,
    "value" INTEGER,
    "source" TEXT,
    CONSTRAINT "PaperEvent_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vote" (
    "paperId" INTEGER NOT NULL,
    "visitorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("paperId", "visitorId"),
    CONSTRAINT "Vote_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PageView" (
    "paperId" INTEGER NOT NULL,
    "visitorId" TEXT NOT NULL,
    "day" TEXT NOT NULL,

    PRIMARY KEY ("paperId", "visitorId", "day"),
    CONSTRAINT "PageView_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "paperCount" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "PaperTopic" (
    "paperId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "weight" REAL NOT NULL DEFAULT 1,

    PRIMARY KEY ("paperId", "topicId"),
    CONSTRAINT "PaperTopic_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PaperTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RelatedPaper" (
    "paperId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "relatedId" INTEGER NOT NULL,
    "score" REAL NOT NULL,

    PRIMARY KEY ("paperId", "rank"),
    CONSTRAINT "RelatedPaper_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RelatedPaper_relatedId_fkey" FOREIGN KEY ("relatedId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "topics" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "pausedAt" DATETIME,
    "consentAt" DATETIME,
    "consentIpHash" TEXT,
    "consentUserAgent" TEXT,
    "manageTokenHash" TEXT NOT NULL,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" DATETIME,
    "confirmPending" BOOLEAN NOT NULL DEFAULT false,
    "confirmSentAt" DATETIME,
    "confirmAttempts" INTEGER NOT NULL DEFAULT 0,
    "confirmLastError" TEXT,
    "suppressedAt" DATETIME,
    "suppressReason" TEXT,
    "lastDigestAt" DATETIME
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "date" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "subscriberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "nextAttemptAt" DATETIME,
    "paperIds" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Delivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DigestRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SentPaper" (
    "subscriberId" INTEGER NOT NULL,
    "paperId" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("subscriberId", "paperId"),
    CONSTRAINT "SentPaper_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SentPaper_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FetchLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "added" INTEGER NOT NULL DEFAULT 0,
    "merged" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Paper_slug_key" ON "Paper"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Paper_arxivId_key" ON "Paper"("arxivId");

-- CreateIndex
CREATE INDEX "Paper_trendKey_idx" ON "Paper"("trendKey" DESC);

-- CreateIndex
CREATE INDEX "Paper_feedAt_trendKey_idx" ON "Paper"("feedAt", "trendKey");

-- CreateIndex
CREATE INDEX "Paper_feedAt_idx" ON "Paper"("feedAt" DESC);

-- CreateIndex
CREATE INDEX "Paper_titleKey_idx" ON "Paper"("titleKey");

-- CreateIndex
CREATE INDEX "Paper_sourceRank_idx" ON "Paper"("sourceRank");

-- CreateIndex
CREATE INDEX "PaperEvent_paperId_at_idx" ON "PaperEvent"("paperId", "at");

-- CreateIndex
CREATE INDEX "PaperEvent_at_idx" ON "PaperEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE INDEX "Topic_paperCount_idx" ON "Topic"("paperCount");

-- CreateIndex
CREATE INDEX "PaperTopic_topicId_paperId_idx" ON "PaperTopic"("topicId", "paperId");

-- CreateIndex
CREATE INDEX "RelatedPaper_relatedId_idx" ON "RelatedPaper"("relatedId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_email_key" ON "Subscriber"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_manageTokenHash_key" ON "Subscriber"("manageTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_confirmTokenHash_key" ON "Subscriber"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "Subscriber_status_idx" ON "Subscriber"("status");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_date_key" ON "DigestRun"("date");

-- CreateIndex
CREATE INDEX "Delivery_status_idx" ON "Delivery"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_runId_subscriberId_key" ON "Delivery"("runId", "subscriberId");

-- CreateIndex
CREATE INDEX "FetchLog_startedAt_idx" ON "FetchLog"("startedAt");

