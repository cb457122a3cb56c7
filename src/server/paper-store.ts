// Adds papers to the store: one transaction per batch, merging into an existing paper instead of
// duplicating it (same arXiv id, else same normalised title), and recording ranked-source signals.
import { cleanLatex } from "../domain/latex";
import type { NewPaper } from "../domain/paper";
import { NO_SIGNAL_KEY } from "../domain/trending";
import { env } from "../env";
import type { Db } from "./db";
import { withPaperWriter, sqliteDate, type PaperBulkWriter, type PaperInsert } from "./paper-bulk-writer";
import { planPapers, type AddOutcome, type DraftPaper, type StoredPaper } from "./paper-merge-plan";
import { indexNewPapers } from "./paper-indexing";
import { assignSlugs } from "./paper-slugs";
import { keyWithSignals, observedSignals, signalsFor } from "./paper-source-signals";

export type { AddOutcome } from "./paper-merge-plan";

export interface AddPapersResult {
  added: number;
  merged: number;
  unchanged: number;
  /** One entry per input paper, in order. */
  outcomes: { paperId: number; outcome: AddOutcome }[];
}

export interface AddPapersOptions {
  source: string;
  now: Date;
}

/** Adds or merges a batch of papers atomically; new papers are tagged and indexed before it returns. */
export async function addPapers(db: Db, papers: readonly NewPaper[], options: AddPapersOptions): Promise<AddPapersResult> {
  const result = await storePapers(db, papers, options);
  await indexNewPapers(db, result.outcomes.filter((o) => o.outcome === "added").map((o) => o.paperId), options.now);
  return result;
}

/** The transactional half of addPapers, without topic tagging (the benchmark times the two apart). */
export async function storePapers(db: Db, papers: readonly NewPaper[], options: AddPapersOptions): Promise<AddPapersResult> {
  const halfLife = env().TRENDING_HALF_LIFE_HOURS;
  const outcomes = await withPaperWriter(db, (writer) => writeBatch(writer, papers, options, halfLife));
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

function writeBatch(writer: PaperBulkWriter, papers: readonly NewPaper[], { source, now }: AddPapersOptions, halfLife: number): AddPapersResult["outcomes"] {
  const stamp = sqliteDate(now);
  const plan = planPapers(writer, papers);
  const recent = (ids: readonly number[], from: string, since: Date) => writer.recentObservations(ids, from, sqliteDate(since));
  const observations = observedSignals(recent, plan, papers, { source, now });
  const ids = new Map<DraftPaper | StoredPaper, number>();

  const slugs = assignSlugs(writer, plan.drafts.map((draft) => draft.title));
  const rows: PaperInsert[] = plan.drafts.map((draft, index) => ({
    slug: slugs[index]!,
    title: draft.title,
    abstract: draft.abstract,
    titleText: cleanLatex(draft.title),
    abstractText: cleanLatex(draft.abstract),
    titleKey: draft.titleKey,
    ...factColumns(draft),
    firstSeenAt: stamp,
    feedAt: draft.facts.publishedAt ? sqliteDate(draft.facts.publishedAt) : stamp,
    sourceName: source,
    sourceRank: draft.sourceRank,
    trendKey: keyWithSignals(NO_SIGNAL_KEY, signalsFor(0, observations.get(draft), { source, now }), halfLife),
  }));
  writer.insertPapers(rows, stamp).forEach((id, index) => ids.set(plan.drafts[index]!, id));

  const keys = writer.trendKeys(plan.stored.filter((stored) => observations.has(stored)).map((stored) => stored.id));
  for (const stored of plan.stored) {
    ids.set(stored, stored.id);
    const signals = signalsFor(stored.id, observations.get(stored), { source, now });
    const trendKey = signals.length > 0 ? { trendKey: keyWithSignals(keys.get(stored.id) ?? NO_SIGNAL_KEY, signals, halfLife) } : {};
    if (stored.changed || signals.length > 0) {
      const dates = stored.changed && stored.facts.publishedAt ? { feedAt: sqliteDate(stored.facts.publishedAt) } : {};
      writer.updatePaper(stored.id, { ...(stored.changed ? factColumns(stored) : {}), ...dates, ...trendKey }, stamp);
    }
  }

  const events = [...ids].flatMap(([target, id]) => signalsFor(id, observations.get(target), { source, now }));
  writer.insertEvents(events.map((e) => ({ paperId: e.paperId, kind: e.kind, at: sqliteDate(e.at), weight: e.weight, value: e.value ?? null, source })));
  return plan.steps.map((step) => ({ paperId: ids.get(step.target)!, outcome: step.outcome }));
}

function factColumns({ facts }: DraftPaper | StoredPaper) {
  const { authors, categories, publishedAt, ...rest } = facts;
  return {
    ...rest,
    publishedAt: publishedAt ? sqliteDate(publishedAt) : null,
    authors: JSON.stringify(authors),
    authorsText: authors.join(", "),
    categories: JSON.stringify(categories),
  };
}
