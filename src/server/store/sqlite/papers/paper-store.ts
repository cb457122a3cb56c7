// Adds papers to the store: one transaction per batch, merging into an existing paper instead of
// duplicating it (same arXiv id, else same normalised title), and recording ranked-source signals.
import { cleanLatex } from "@/domain/latex";
import type { NewPaper } from "@/domain/paper";
import { NO_SIGNAL_KEY } from "@/domain/trending";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { storedDateTime } from "@/server/store/sqlite/date-encoding";
import { withPaperWriter, type PaperBulkWriter, type PaperInsert } from "./paper-bulk-writer";
import { planPapers, type DraftPaper, type StoredPaper } from "./paper-merge-plan";
import { indexPendingPapers } from "./paper-indexing";
import { assignSlugs } from "./paper-slugs";
import { pretagDrafts } from "@/server/store/sqlite/topics/topic-pretagging";
import { keyWithSignals, observedSignals, signalsFor } from "./paper-source-signals";
import { importTimings } from "@/server/store/step-timings";

import {
  IndexingIncompleteError,
  type AddOutcome,
  type AddPapersOptions,
  type AddPapersResult,
} from "@/server/store/papers";

/**
 * Adds or merges a batch of papers atomically; new papers (and any an earlier run left unindexed) are
 * tagged and indexed before it returns. When that step fails, IndexingIncompleteError says what was committed.
 */
export async function addPapers(
  db: Db,
  papers: readonly NewPaper[],
  options: AddPapersOptions,
): Promise<AddPapersResult> {
  const result = await storePapers(db, papers, options);
  try {
    await indexPendingPapers(db, options.now);
  } catch (error) {
    throw new IndexingIncompleteError(result, error);
  }
  return result;
}

/**
 * The transactional half of addPapers (the benchmark times the halves apart). New papers usually get
 * their topics here, before their insert, so the FTS trigger indexes each paper once (topic-pretagging.ts).
 */
export async function storePapers(
  db: Db,
  papers: readonly NewPaper[],
  options: AddPapersOptions,
): Promise<AddPapersResult> {
  const halfLife = options.halfLifeHours;
  const outcomes = await withPaperWriter(db, (writer) => writeBatch(db, writer, papers, options, halfLife));
  return { ...countOutcomes(outcomes), outcomes };
}

/** What addPapers would do, from a read-only snapshot: the importer's dry run. */
export async function previewPapers(db: Db, papers: readonly NewPaper[]): Promise<Omit<AddPapersResult, "outcomes">> {
  const plan = await withPaperWriter(db, (reader) => planPapers(reader, papers), { write: false });
  return countOutcomes(plan.steps);
}

function countOutcomes(steps: readonly { outcome: AddOutcome }[]): Omit<AddPapersResult, "outcomes"> {
  const count = (outcome: AddOutcome) => steps.filter((step) => step.outcome === outcome).length;
  return { added: count("added"), merged: count("merged"), unchanged: count("unchanged") };
}

function writeBatch(
  db: Db,
  writer: PaperBulkWriter,
  papers: readonly NewPaper[],
  { source, now }: Pick<AddPapersOptions, "source" | "now">,
  halfLife: number,
): AddPapersResult["outcomes"] {
  const stamp = storedDateTime(now);
  const time = <T>(step: string, work: () => T) => importTimings.time(`batch: ${step}`, work);
  const plan = time("merge plan", () => planPapers(writer, papers));
  const recent = (ids: readonly number[], from: string, since: Date) =>
    writer.recentObservations(ids, from, storedDateTime(since));
  const observations = observedSignals(recent, plan, papers, { source, now });
  const ids = new Map<DraftPaper | StoredPaper, number>();

  const slugs = time("slugs", () =>
    assignSlugs(
      writer,
      plan.drafts.map((draft) => draft.title),
    ),
  );
  const texts = time("clean text", () =>
    plan.drafts.map((draft) => ({
      titleText: cleanLatex(draft.title),
      abstractText: cleanLatex(draft.abstract),
      categories: draft.facts.categories,
    })),
  );
  const topics = time("topic tagging", () => pretagDrafts(db, writer.topics, texts));
  const rows: PaperInsert[] = plan.drafts.map((draft, index) => ({
    slug: slugs[index]!,
    title: draft.title,
    abstract: draft.abstract,
    titleText: texts[index]!.titleText,
    abstractText: texts[index]!.abstractText,
    topicsText: topics?.[index]!.topicsText ?? "",
    titleKey: draft.titleKey,
    ...factColumns(draft),
    firstSeenAt: stamp,
    feedAt: draft.facts.publishedAt ? storedDateTime(draft.facts.publishedAt) : stamp,
    sourceName: source,
    sourceRank: draft.sourceRank,
    trendKey: keyWithSignals(NO_SIGNAL_KEY, signalsFor(0, observations.get(draft), { source, now }), halfLife),
  }));
  const newIds = time("insert papers (rows, indexes, FTS5)", () => writer.insertPapers(rows, stamp));
  newIds.forEach((id, index) => ids.set(plan.drafts[index]!, id));
  time("pending rows and topic links", () => {
    writer.markPendingIndex(newIds, new Set(topics ? newIds : []));
    if (topics)
      writer.topics.insertLinks(
        newIds.flatMap((paperId, index) => topics[index]!.tags.map((tag) => ({ paperId, ...tag }))),
      );
  });

  const keys = writer.trendKeys(plan.stored.filter((stored) => observations.has(stored)).map((stored) => stored.id));
  for (const stored of plan.stored) {
    ids.set(stored, stored.id);
    const signals = signalsFor(stored.id, observations.get(stored), { source, now });
    const trendKey =
      signals.length > 0 ? { trendKey: keyWithSignals(keys.get(stored.id) ?? NO_SIGNAL_KEY, signals, halfLife) } : {};
    if (stored.changed || signals.length > 0) {
      const dates =
        stored.changed && stored.facts.publishedAt ? { feedAt: storedDateTime(stored.facts.publishedAt) } : {};
      writer.updatePaper(stored.id, { ...(stored.changed ? factColumns(stored) : {}), ...dates, ...trendKey }, stamp);
    }
  }

  // A merge may bring categories (and keywords): the paper is tagged again with what it now is.
  writer.markPendingIndex(
    plan.stored.filter((stored) => stored.changed).map((stored) => stored.id),
    new Set(),
  );

  const events = [...ids].flatMap(([target, id]) => signalsFor(id, observations.get(target), { source, now }));
  writer.insertEvents(
    events.map((e) => ({
      paperId: e.paperId,
      kind: e.kind,
      at: storedDateTime(e.at),
      weight: e.weight,
      value: e.value ?? null,
      source,
    })),
  );
  const outcomes = plan.steps.map((step) => ({ paperId: ids.get(step.target)!, outcome: step.outcome }));
  return outcomes;
}

function factColumns({ facts }: DraftPaper | StoredPaper) {
  const { authors, categories, keywords, publishedAt, ...rest } = facts;
  return {
    ...rest,
    publishedAt: publishedAt ? storedDateTime(publishedAt) : null,
    authors: JSON.stringify(authors),
    authorsText: authors.join(", "),
    categories: JSON.stringify(categories),
    keywords: JSON.stringify(keywords),
  };
}
