// A batch's new papers into the Paper table, in parts sent one after another without waiting: while the
// server inserts a part (computing its search vectors, the GIN entries, the indexes), the importer cleans,
// tags and serialises the next one, so the two work at once inside the batch's transaction instead of taking
// turns. The parts run in order on the transaction's connection; ids come back in the same order.
import { cleanLatex } from "@/domain/latex";
import type { TopicMatcher } from "@/domain/topics/topic-matcher";
import type { SqlSession } from "@/server/store/postgres/pg-client";
import { draftTagger } from "@/server/store/postgres/topics/topic-pretagging";
import type { DraftTags } from "@/server/store/sqlite/topics/topic-pretagging";
import type { DraftPaper } from "@/server/store/sqlite/papers/paper-merge-plan";

/** Papers per INSERT: four parts to a batch of 2,000. */
const PART = 500;

const INSERT_PAPERS = `INSERT INTO "Paper" ("slug", "title", "abstract", "titleText", "abstractText", "topicsText", "titleKey", "authors", "authorsText", "categories", "arxivId", "sourceUrl", "pdfUrl",
       "doi", "primaryCategory", "comment", "codeUrl", "keywords", "publishedAt", "firstSeenAt", "feedAt", "updatedAt", "sourceName", "sourceRank", "trendKey")
     SELECT "slug", "title", "abstract", "titleText", "abstractText", "topicsText", "titleKey", "authors", "authorsText", "categories", "arxivId", "sourceUrl", "pdfUrl",
       "doi", "primaryCategory", "comment", "codeUrl", "keywords", "publishedAt", "firstSeenAt", "feedAt", "updatedAt", "sourceName", "sourceRank", "trendKey"
     FROM jsonb_to_recordset($1::jsonb) AS r("slug" text, "title" text, "abstract" text, "titleText" text, "abstractText" text, "topicsText" text, "titleKey" text, "authors" text,
       "authorsText" text, "categories" text, "arxivId" text, "sourceUrl" text, "pdfUrl" text, "doi" text, "primaryCategory" text, "comment" text, "codeUrl" text, "keywords" text,
       "publishedAt" timestamp(3), "firstSeenAt" timestamp(3), "feedAt" timestamp(3), "updatedAt" timestamp(3), "sourceName" text, "sourceRank" int, "trendKey" float8)
     RETURNING "id", "slug"`;

/** A draft's cleaned texts and topic text, for its row. */
export interface DraftTexts {
  titleText: string;
  abstractText: string;
  topicsText: string;
}

/**
 * Inserts the drafts (tagged first when `matcher` is given: their tags are returned, in order, and their
 * topicsText written with them). `rowOf` gives a draft's other columns.
 */
export async function insertDrafts(
  tx: SqlSession,
  drafts: readonly DraftPaper[],
  matcher: TopicMatcher | null,
  rowOf: (draft: DraftPaper, index: number, texts: DraftTexts) => object,
): Promise<{ inserted: { id: number; slug: string }[]; tags: DraftTags[] | null }> {
  if (drafts.length === 0) return { inserted: [], tags: matcher ? [] : null };
  const tagger = matcher
    ? await draftTagger(
        tx,
        matcher,
        drafts.flatMap((d) => d.facts.categories),
      )
    : null;
  const parts: Promise<{ id: number; slug: string }[]>[] = [];
  const tags: DraftTags[] = [];
  try {
    for (let from = 0; from < drafts.length; from += PART) {
      const part = drafts.slice(from, from + PART);
      const texts = part.map((draft) => ({
        titleText: cleanLatex(draft.title),
        abstractText: cleanLatex(draft.abstract),
        categories: draft.facts.categories,
      }));
      const tagged = tagger ? await tagger(texts) : null;
      if (tagged) tags.push(...tagged);
      const rows = part.map((draft, i) =>
        rowOf(draft, from + i, { ...texts[i]!, topicsText: tagged?.[i]!.topicsText ?? "" }),
      );
      const insert = tx.rows<{ id: number; slug: string }>(INSERT_PAPERS, JSON.stringify(rows));
      // Awaited below, all together; a failure is never left unhandled meanwhile.
      insert.catch(() => {});
      parts.push(insert);
    }
    return { inserted: (await Promise.all(parts)).flat(), tags: tagger ? tags : null };
  } catch (error) {
    // A failed part aborts the transaction, and every statement after it fails for that reason: its own
    // error is the one to report.
    const settled = await Promise.allSettled(parts);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    throw failed ? failed.reason : error;
  }
}
