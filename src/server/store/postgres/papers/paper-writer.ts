// Adds papers on PostgreSQL: the same merge plan, slugs and import signals as SQLite (the pure planning
// modules are shared), written in one transaction per batch. Imports take an advisory lock for the
// transaction, so two importers on two instances plan against each other's committed papers, never race.
import { normalizeWhitespace } from "@/domain/latex";
import type { NewPaper } from "@/domain/paper";
import { slugify, titleKey } from "@/domain/title-key";
import { NO_SIGNAL_KEY } from "@/domain/trending";
import {
  IndexingIncompleteError,
  type AddOutcome,
  type AddPapersOptions,
  type AddPapersResult,
  type PaperCounts,
} from "@/server/store/papers";
import type { CandidateRow } from "@/server/store/sqlite/papers/paper-bulk-writer";
import {
  planPapers,
  type DraftPaper,
  type PaperPlan,
  type StoredPaper,
} from "@/server/store/sqlite/papers/paper-merge-plan";
import { assignSlugs } from "@/server/store/sqlite/papers/paper-slugs";
import {
  keyWithSignals,
  observedSignals,
  OBSERVATION_WINDOW_HOURS,
  signalsFor,
} from "@/server/store/sqlite/papers/paper-source-signals";
import { inPoolTransaction, prismaSession, type PgContext, type SqlSession } from "@/server/store/postgres/pg-client";
import { pgTimestamp } from "@/server/store/postgres/sql-values";
import type { TopicMatcher } from "@/domain/topics/topic-matcher";
import { addTags } from "@/server/store/postgres/topics/topic-tagging";
import { pretaggingMatcher } from "@/server/store/postgres/topics/topic-pretagging";
import { insertDrafts } from "./paper-insert";
import { indexCommitted, type CommittedBatch } from "./indexing-pipeline";

const IMPORT_LOCK = 7_131_302;

export async function addPapers(
  ctx: PgContext,
  papers: readonly NewPaper[],
  options: AddPapersOptions,
): Promise<AddPapersResult> {
  const matcher = await pretaggingMatcher(ctx, papers.length);
  const { outcomes, pending } = await inPoolTransaction(ctx.db, async (tx) => {
    await tx.run(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
    return writeBatch(tx, papers, options, matcher);
  });
  const result = { ...countOutcomes(outcomes), outcomes };
  try {
    await indexCommitted(ctx, pending, options.now);
  } catch (error) {
    throw new IndexingIncompleteError(result, error);
  }
  return result;
}

export async function previewPapers(ctx: PgContext, papers: readonly NewPaper[]): Promise<PaperCounts> {
  const plan = await planBatch(prismaSession(ctx.db), papers);
  return countOutcomes(plan.steps);
}

function countOutcomes(steps: readonly { outcome: AddOutcome }[]): PaperCounts {
  const count = (outcome: AddOutcome) => steps.filter((step) => step.outcome === outcome).length;
  return { added: count("added"), merged: count("merged"), unchanged: count("unchanged") };
}

const CANDIDATE_COLUMNS = `"id", "titleKey", "arxivId", "authors", "sourceUrl", "pdfUrl", "doi", "primaryCategory", "categories", "comment", "codeUrl", "keywords",
  to_char("publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt"`;

async function planBatch(tx: SqlSession, papers: readonly NewPaper[]): Promise<PaperPlan> {
  const arxivIds = [...new Set(papers.map((p) => p.arxivId).filter((id): id is string => !!id))];
  // Every title's key, as the plan computes it, so candidates are read once for the whole batch.
  const titleKeys = [...new Set(papers.map((p) => titleKey(normalizeWhitespace(p.title))).filter((key) => key !== ""))];
  // publishedAt as ISO text: node-postgres would read a timestamp without zone in local time.
  const candidates = await tx.rows<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM "Paper" WHERE "arxivId" = ANY($1::text[]) OR "titleKey" = ANY($2::text[]) ORDER BY "id"`,
    arxivIds,
    titleKeys,
  );
  return planPapers({ findCandidates: () => candidates }, papers);
}

async function writeBatch(
  tx: SqlSession,
  papers: readonly NewPaper[],
  { source, now, halfLifeHours }: AddPapersOptions,
  matcher: TopicMatcher | null,
): Promise<{ outcomes: AddPapersResult["outcomes"]; pending: CommittedBatch }> {
  const plan = await planBatch(tx, papers);
  const storedIds = plan.stored.map((s) => s.id);
  const since = new Date(now.getTime() - OBSERVATION_WINDOW_HOURS * 3_600_000);
  const recentRows = await tx.rows<{ paperId: number; kind: string }>(
    `SELECT "paperId", "kind" FROM "PaperEvent" WHERE "paperId" = ANY($1::int[]) AND "kind" IN ('source_rank', 'hf_upvotes') AND "source" = $2 AND "at" >= $3::timestamp(3)`,
    storedIds,
    source,
    pgTimestamp(since),
  );
  const recent = new Set(recentRows.map((r) => `${r.paperId}:${r.kind}`));
  const observations = observedSignals(() => recent, plan, papers, { source, now });
  const ids = new Map<DraftPaper | StoredPaper, number>();

  // As on SQLite: one indexed lookup of the plain slugs, then the suffixed ones of the bases already taken
  // only. (A LIKE per base over every base scanned the whole table once per batch: seconds at 100k papers.)
  const bases = [...new Set(plan.drafts.map((d) => slugify(d.title)))];
  const plain = await tx.rows<{ slug: string }>(`SELECT "slug" FROM "Paper" WHERE "slug" = ANY($1::text[])`, bases);
  const suffixed =
    plain.length === 0
      ? []
      : await tx.rows<{ slug: string }>(
          `SELECT "slug" FROM "Paper" WHERE "slug" LIKE ANY($1::text[])`,
          plain.map((r) => `${r.slug}-%`),
        );
  const taken = [...plain, ...suffixed].map((r) => r.slug);
  const slugs = assignSlugs(
    {
      takenSlugs: (wanted) => new Set(taken.filter((s) => wanted.includes(s))),
      slugsStartingWith: (prefix) => new Set(taken.filter((s) => s.startsWith(prefix))),
    },
    plan.drafts.map((d) => d.title),
  );

  const { inserted, tags: pretagged } = await insertDrafts(tx, plan.drafts, matcher, (draft, index, texts) => ({
    slug: slugs[index]!,
    title: draft.title,
    abstract: draft.abstract,
    ...texts,
    titleKey: draft.titleKey,
    ...factColumns(draft),
    firstSeenAt: pgTimestamp(now),
    feedAt: pgTimestamp(draft.facts.publishedAt ?? now),
    updatedAt: pgTimestamp(now),
    sourceName: source,
    sourceRank: draft.sourceRank,
    trendKey: keyWithSignals(NO_SIGNAL_KEY, signalsFor(0, observations.get(draft), { source, now }), halfLifeHours),
  }));
  const idBySlug = new Map(inserted.map((r) => [r.slug, Number(r.id)]));
  plan.drafts.forEach((draft, index) => ids.set(draft, idBySlug.get(slugs[index]!)!));
  const newIds = [...idBySlug.values()];
  if (pretagged)
    await addTags(
      tx,
      plan.drafts.flatMap((draft, index) =>
        pretagged[index]!.tags.map((tag) => ({ ...tag, paperId: idBySlug.get(slugs[index]!)! })),
      ),
      { topicsTextWritten: true },
    );
  // Pretagged papers wait only for their related lists; the others for their tags too.
  if (newIds.length > 0)
    await tx.run(
      `INSERT INTO "PendingIndex" ("paperId", "tagged") SELECT unnest($1::int[]), $2 ON CONFLICT DO NOTHING`,
      newIds,
      pretagged !== null,
    );

  const withSignals = plan.stored.filter((s) => observations.has(s)).map((s) => s.id);
  const keyRows = await tx.rows<{ id: number; trendKey: number }>(
    `SELECT "id", "trendKey" FROM "Paper" WHERE "id" = ANY($1::int[]) FOR UPDATE`,
    withSignals,
  );
  const keys = new Map(keyRows.map((r) => [Number(r.id), Number(r.trendKey)]));
  for (const stored of plan.stored) {
    ids.set(stored, stored.id);
    const signals = signalsFor(stored.id, observations.get(stored), { source, now });
    if (!stored.changed && signals.length === 0) continue;
    const facts = stored.changed
      ? {
          ...factColumns(stored),
          ...(stored.facts.publishedAt ? { feedAt: pgTimestamp(stored.facts.publishedAt) } : {}),
        }
      : {};
    const trendKey =
      signals.length > 0
        ? { trendKey: keyWithSignals(keys.get(stored.id) ?? NO_SIGNAL_KEY, signals, halfLifeHours) }
        : {};
    await updatePaper(tx, stored.id, { ...facts, ...trendKey, updatedAt: pgTimestamp(now) });
  }

  // A merge may bring categories (and keywords): the paper is tagged again with what it now is.
  const mergedIds = plan.stored.filter((stored) => stored.changed).map((stored) => stored.id);
  if (mergedIds.length > 0)
    await tx.run(
      `INSERT INTO "PendingIndex" ("paperId", "tagged") SELECT unnest($1::int[]), false ON CONFLICT DO NOTHING`,
      mergedIds,
    );

  const events = [...ids]
    .flatMap(([target, id]) => signalsFor(id, observations.get(target), { source, now }))
    .map((e) => ({
      paperId: e.paperId,
      kind: e.kind,
      at: pgTimestamp(e.at),
      weight: e.weight,
      value: e.value ?? null,
      source,
    }));
  if (events.length > 0) {
    await tx.run(
      `INSERT INTO "PaperEvent" ("paperId", "kind", "at", "anchorAt", "weight", "value", "source")
       SELECT "paperId", "kind", "at", "at", "weight", "value", "source" FROM jsonb_to_recordset($1::jsonb)
         AS r("paperId" int, "kind" text, "at" timestamp(3), "weight" float8, "value" int, "source" text)`,
      JSON.stringify(events),
    );
  }
  return {
    outcomes: plan.steps.map((step) => ({ paperId: ids.get(step.target)!, outcome: step.outcome })),
    // The batch's PendingIndex rows: new papers (tagged already when pretagged) and merged ones.
    pending: {
      paperIds: [...new Set([...newIds, ...mergedIds])],
      untagged: [...new Set([...(pretagged ? [] : newIds), ...mergedIds])],
    },
  };
}

const TIMESTAMP_COLUMNS = new Set(["publishedAt", "feedAt", "updatedAt"]);

/** One paper's columns (a merge's facts, its trend key), by name; timestamps as ISO text. */
async function updatePaper(tx: SqlSession, id: number, columns: Record<string, string | number | null | undefined>) {
  const names = Object.keys(columns).filter((name) => columns[name] !== undefined);
  const sets = names.map((name, i) => `"${name}" = $${i + 2}${TIMESTAMP_COLUMNS.has(name) ? "::timestamp(3)" : ""}`);
  await tx.run(`UPDATE "Paper" SET ${sets.join(", ")} WHERE "id" = $1`, id, ...names.map((name) => columns[name]));
}

function factColumns({ facts }: DraftPaper | StoredPaper) {
  const { authors, categories, keywords, publishedAt, ...rest } = facts;
  return {
    ...rest,
    publishedAt: publishedAt ? pgTimestamp(publishedAt) : null,
    authors: JSON.stringify(authors),
    authorsText: authors.join(", "),
    categories: JSON.stringify(categories),
    keywords: JSON.stringify(keywords),
  };
}
