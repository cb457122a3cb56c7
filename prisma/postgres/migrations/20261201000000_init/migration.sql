-- CreateTable
CREATE TABLE "Paper" (
    "id" SERIAL NOT NULL,
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
    "publishedAt" TIMESTAMP(3),
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "feedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceRank" INTEGER,
    "trendKey" DOUBLE PRECISION NOT NULL DEFAULT -1000000000,
    "votes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Paper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperEvent" (
    "id" SERIAL NOT NULL,
    "paperId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "anchorAt" TIMESTAMP(3) NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "value" INTEGER,
    "source" TEXT,

    CONSTRAINT "PaperEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "paperId" INTEGER NOT NULL,
    "visitorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("paperId","visitorId")
);

-- CreateTable
CREATE TABLE "PageView" (
    "paperId" INTEGER NOT NULL,
    "visitorId" TEXT NOT NULL,
    "day" TEXT NOT NULL,

    CONSTRAINT "PageView_pkey" PRIMARY KEY ("paperId","visitorId","day")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "paperCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicVocabularyRun" (
    "id" SERIAL NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "paperCount" INTEGER NOT NULL,
    "topicCount" INTEGER NOT NULL,

    CONSTRAINT "TopicVocabularyRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperTopic" (
    "paperId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,

    CONSTRAINT "PaperTopic_pkey" PRIMARY KEY ("paperId","topicId")
);

-- CreateTable
CREATE TABLE "RelatedPaper" (
    "paperId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "relatedId" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RelatedPaper_pkey" PRIMARY KEY ("paperId","rank")
);

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "topics" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "consentAt" TIMESTAMP(3),
    "consentIpHash" TEXT,
    "consentUserAgent" TEXT,
    "manageTokenHash" TEXT NOT NULL,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMP(3),
    "confirmPending" BOOLEAN NOT NULL DEFAULT false,
    "confirmSentAt" TIMESTAMP(3),
    "confirmAttempts" INTEGER NOT NULL DEFAULT 0,
    "confirmLastError" TEXT,
    "suppressedAt" TIMESTAMP(3),
    "suppressReason" TEXT,
    "lastDigestAt" TIMESTAMP(3),
    "confirmClaimedAt" TIMESTAMP(3),

    CONSTRAINT "Subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" SERIAL NOT NULL,
    "date" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "subscriberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3),
    "paperIds" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SentPaper" (
    "subscriberId" INTEGER NOT NULL,
    "paperId" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SentPaper_pkey" PRIMARY KEY ("subscriberId","paperId")
);

-- CreateTable
CREATE TABLE "FetchLog" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "added" INTEGER NOT NULL DEFAULT 0,
    "merged" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "FetchLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "PendingIndex" (
    "paperId" INTEGER NOT NULL,
    "tagged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PendingIndex_pkey" PRIMARY KEY ("paperId")
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
CREATE INDEX "Paper_search_cover_idx" ON "Paper"("id", "trendKey", "feedAt");

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

-- AddForeignKey
ALTER TABLE "PaperEvent" ADD CONSTRAINT "PaperEvent_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageView" ADD CONSTRAINT "PageView_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTopic" ADD CONSTRAINT "PaperTopic_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTopic" ADD CONSTRAINT "PaperTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelatedPaper" ADD CONSTRAINT "RelatedPaper_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelatedPaper" ADD CONSTRAINT "RelatedPaper_relatedId_fkey" FOREIGN KEY ("relatedId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DigestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SentPaper" ADD CONSTRAINT "SentPaper_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SentPaper" ADD CONSTRAINT "SentPaper_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingIndex" ADD CONSTRAINT "PendingIndex_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

