-- Code links and source keywords. Existing papers get their code link from their comment and abstract:
-- the migrator fills "codeUrl" right after this file, in the same transaction, with the app's own link
-- parser (src/server/store/migration-backfills.ts), so old and new papers are parsed alike.
ALTER TABLE "Paper" ADD COLUMN "codeUrl" TEXT;
ALTER TABLE "Paper" ADD COLUMN "keywords" TEXT NOT NULL DEFAULT '[]';
