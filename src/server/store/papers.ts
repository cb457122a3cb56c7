// Papers: the one paper loader, the import writer and the sitemap's paper list.
import type { NewPaper, Paper } from "@/domain/paper";

export type AddOutcome = "added" | "merged" | "unchanged";

export interface AddPapersOptions {
  source: string;
  now: Date;
  /** TRENDING_HALF_LIFE_HOURS: the trend keys of import signals are computed for it. */
  halfLifeHours: number;
}

export interface AddPapersResult {
  added: number;
  merged: number;
  unchanged: number;
  /** One entry per input paper, in order. */
  outcomes: { paperId: number; outcome: AddOutcome }[];
}

export type PaperCounts = Omit<AddPapersResult, "outcomes">;

/** The papers are committed, but their topics or related lists could not be computed yet. */
export class IndexingIncompleteError extends Error {
  constructor(
    readonly committed: AddPapersResult,
    cause: unknown,
  ) {
    super(
      `${committed.added} new papers were committed, but their topics and related lists could not be computed: ${cause instanceof Error ? cause.message : String(cause)}. The next import completes them.`,
      { cause },
    );
    this.name = "IndexingIncompleteError";
  }
}

export interface BulkImportResult<T> {
  result: T;
  indexing?: { pending: number; error: string };
}

export interface PaperStore {
  paperBySlug(slug: string): Promise<Paper | null>;
  paperById(id: number): Promise<Paper | null>;
  /** The one paper loader: papers with their topics (strongest first), in the order of `ids`. */
  papersInOrder(ids: readonly number[]): Promise<Paper[]>;
  countPapers(): Promise<number>;
  /**
   * Adds or merges a batch atomically. New papers are tagged and get related lists before it returns; when
   * that indexing step fails the papers stay committed and the next call (or indexPending) completes it.
   */
  addPapers(papers: readonly NewPaper[], options: AddPapersOptions): Promise<AddPapersResult>;
  /** What addPapers would do, from a read-only snapshot (the importer's dry run). */
  previewPapers(papers: readonly NewPaper[]): Promise<PaperCounts>;
  /** Completes the indexing of papers an earlier interrupted import committed; returns how many. */
  indexPending(now: Date): Promise<number>;
  /**
   * Runs an import of many batches (`work` calls addPapers). A store may index their papers in the
   * background meanwhile (SQLite computes related lists in a worker thread); when it resolves, every paper
   * is indexed, or `indexing` says how many are still pending and why.
   */
  bulkImport?<T>(now: Date, work: () => Promise<T>): Promise<BulkImportResult<T>>;
  /** Newest papers first, for the sitemap. */
  newestSlugs(limit: number, offset?: number): Promise<{ slug: string; updatedAt: Date }[]>;
}
