// The ingest job, streaming: a checking pass reads every input through its parser, or only the head of an
// arXiv snapshot (checkInputs says why), so that one unusable input means nothing is written; then a writing
// pass reads them again and writes the papers in transactions of one batch each through addPapers,
// reporting progress per batch. Inputs are read piece by piece, so memory stays bounded whatever their size.
import {
  ImportFormatError,
  type ImportChunk,
  type ImportFormat,
  type ImportRejection,
} from "@/domain/import/import-types";
import { createImportParser } from "@/domain/import/parse-import";
import type { NewPaper } from "@/domain/paper";
import { IndexingIncompleteError, type AddPapersResult } from "@/server/store/papers";
import { importTimings } from "@/server/store/step-timings";
import type { Store } from "@/server/store/store";

/** An input whose text is held in memory (a fetched page, a test). `name` (path or URL) is used in messages. */
export interface TextInput {
  name: string;
  content: string;
}

/** An input read afresh, piece by piece, on each pass (a file of any size). */
export interface StreamedInput {
  name: string;
  read: () => AsyncIterable<string>;
}

export type IngestInput = TextInput | StreamedInput;

export interface IngestOptions {
  store: Pick<Store, "papers">;
  now: Date;
  /** TRENDING_HALF_LIFE_HOURS, for the trend keys of imported signals. */
  halfLifeHours: number;
  inputs: readonly IngestInput[];
  format?: ImportFormat | "auto";
  /** Source name stored with the papers and their signals; defaults to one per format. */
  source?: string;
  dryRun?: boolean;
  batchSize?: number;
  /**
   * A big import (the command line's): the store may index in the background while the next batches are
   * written (SQLite: related lists in a worker thread, on the second core). Ignored by a dry run.
   */
  background?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface IngestSummary {
  dryRun: boolean;
  inputs: { name: string; format: ImportFormat; papers: number }[];
  added: number;
  merged: number;
  unchanged: number;
  skipped: (ImportRejection & { input: string })[];
  rejected: (ImportRejection & { input: string })[];
  /** Committed papers whose topics and related lists are still missing: why, and how many. */
  indexing?: { pending: number; error: string };
}

/** An input the importer cannot use at all; the message names it. Nothing was written. */
export class IngestInputError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = "IngestInputError";
  }
}

const SOURCE_BY_FORMAT: Record<ImportFormat, string> = {
  "arxiv-atom": "arxiv",
  "arxiv-rss": "arxiv",
  "arxiv-jsonl": "arxiv",
  "hf-daily": "huggingface",
  text: "text-export",
};
// One transaction per 2,000 papers: against 500, a quarter of the commits and FTS5 segment flushes, and
// (the vocabulary being recomputed when the corpus doubles, checked per batch) two fewer recomputations
// per 100k papers; a batch is still written in about a second.
const DEFAULT_BATCH_SIZE = 2_000;

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const {
    store,
    now,
    halfLifeHours,
    inputs,
    format = "auto",
    dryRun = false,
    batchSize = DEFAULT_BATCH_SIZE,
    onProgress,
  } = options;
  const summary: IngestSummary = { dryRun, inputs: [], added: 0, merged: 0, unchanged: 0, skipped: [], rejected: [] };
  // Rejections and skipped entries per input, so the summary lists them in input order whichever pass found them.
  const notes = inputs.map(() => ({
    skipped: [] as IngestSummary["skipped"],
    rejected: [] as IngestSummary["rejected"],
  }));
  const note = (index: number, chunk: ImportChunk) => {
    const input = inputs[index]!.name;
    notes[index]!.skipped.push(...chunk.skipped.map((s) => ({ input, ...s })));
    notes[index]!.rejected.push(...chunk.rejections.map((r) => ({ input, ...r })));
  };
  const checked = await importTimings.timeAsync("checking pass", () => checkInputs(inputs, format, note));
  for (const [index, input] of inputs.entries())
    summary.inputs.push({ name: input.name, format: checked[index]!.format, papers: checked[index]!.papers ?? 0 });
  const total = checked.reduce((sum, input) => sum + (input.papers ?? input.lines ?? 0), 0);
  let done = 0;
  let pending: NewPaper[] = [];
  let source = "";
  const write = async (batch: NewPaper[]) => {
    const outcome = await importTimings.timeAsync("writing pass: batches through the store", () =>
      dryRun ? store.papers.previewPapers(batch) : addBatch(store, batch, { source, now, halfLifeHours }, summary),
    );
    summary.added += outcome.added;
    summary.merged += outcome.merged;
    summary.unchanged += outcome.unchanged;
    done += batch.length;
    if (!dryRun) onProgress?.(done, total);
  };
  onProgress?.(0, total);
  const writeAll = async () => {
    for (const [index, input] of inputs.entries()) {
      const detected = summary.inputs[index]!.format;
      source = options.source ?? SOURCE_BY_FORMAT[detected];
      const byHead = checked[index]!.papers === undefined;
      const onChunk = async (chunk: ImportChunk) => {
        if (byHead) {
          // Counted and noted here, not by the checking pass; its lines count towards the progress total.
          summary.inputs[index]!.papers += chunk.papers.length;
          note(index, chunk);
          done += chunk.rejections.length + chunk.skipped.length;
        }
        pending = pending.length === 0 ? chunk.papers : pending.concat(chunk.papers);
        for (; pending.length >= batchSize; pending = pending.slice(batchSize))
          await write(pending.slice(0, batchSize));
      };
      await readInput(input, detected, onChunk, "writing pass: parse");
      // A batch is written under one source; a dry run previews across inputs, as one import would see them.
      if (!dryRun && pending.length > 0) {
        await write(pending);
        pending = [];
      }
    }
    if (pending.length > 0) await write(pending);
  };
  // One batch has nothing to overlap with.
  const bulkImport = options.background && !dryRun && total > batchSize ? store.papers.bulkImport : undefined;
  if (bulkImport) {
    // Indexing finished (or failed) in the background after the batches: its outcome replaces theirs.
    const { indexing } = await bulkImport.call(store.papers, now, writeAll);
    if (indexing) summary.indexing = indexing;
    else delete summary.indexing;
  } else await writeAll();
  if (dryRun) onProgress?.(total, total);
  summary.skipped = notes.flatMap((n) => n.skipped);
  summary.rejected = notes.flatMap((n) => n.rejected);
  return summary;
}

/**
 * Formats read line by line whose parser, once it has recognised an input from its head, never gives up on
 * it: a bad line is that line's rejection, the rest imports. For them the head says whether the input is
 * usable, so the checking pass reads no further than the head and only counts the lines (the progress total);
 * the writing pass counts their papers and notes their rejections. Every other input is parsed whole first.
 */
export const USABLE_FROM_HEAD: ReadonlySet<ImportFormat> = new Set(["arxiv-jsonl"]);

interface CheckedInput {
  format: ImportFormat;
  /** Its papers, when the checking pass parsed it whole. */
  papers?: number;
  /** Its lines, when the checking pass judged it by its head (a blank or rejected line counts too). */
  lines?: number;
}

/** The checking pass: throws IngestInputError, before anything is written, when an input is unusable. */
async function checkInputs(
  inputs: readonly IngestInput[],
  format: ImportFormat | "auto",
  note: (index: number, chunk: ImportChunk) => void,
): Promise<CheckedInput[]> {
  const checked: CheckedInput[] = [];
  for (const [index, input] of inputs.entries()) {
    const parser = createImportParser(format);
    let papers = 0;
    let seen = 0;
    let lines: number | undefined;
    try {
      for await (const text of piecesOf(input)) {
        seen += countLines(text);
        if (lines !== undefined) {
          lines = seen;
          continue;
        }
        const chunk = parser.push(text);
        if (parser.format && USABLE_FROM_HEAD.has(parser.format)) lines = seen;
        else {
          papers += chunk.papers.length;
          note(index, chunk);
        }
      }
      if (lines === undefined) {
        const last = parser.end();
        papers += last.papers.length;
        note(index, last);
      }
    } catch (error) {
      if (error instanceof ImportFormatError) throw new IngestInputError(input.name, error.message);
      throw error;
    }
    checked.push(lines === undefined ? { format: parser.format!, papers } : { format: parser.format!, lines });
  }
  return checked;
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function piecesOf(input: IngestInput): Iterable<string> | AsyncIterable<string> {
  return "content" in input ? [input.content] : input.read();
}

/**
 * One batch through the store. When the batch is committed but indexing it fails, the papers count as
 * added (they are stored) and the summary says their topics and related lists are pending; the next batch,
 * or the next import, completes them. A later batch that indexes successfully clears the note.
 */
async function addBatch(
  store: Pick<Store, "papers">,
  batch: NewPaper[],
  options: { source: string; now: Date; halfLifeHours: number },
  summary: IngestSummary,
): Promise<AddPapersResult> {
  try {
    const result = await store.papers.addPapers(batch, options);
    delete summary.indexing;
    return result;
  } catch (error) {
    if (!(error instanceof IndexingIncompleteError)) throw error;
    summary.indexing = {
      pending: (summary.indexing?.pending ?? 0) + error.committed.added,
      error: error.cause instanceof Error ? error.cause.message : String(error.cause),
    };
    return error.committed;
  }
}

/** Feeds one input through a parser, handing on each piece's result; returns the format it was read as. */
async function readInput(
  input: IngestInput,
  format: ImportFormat | "auto",
  onChunk: (chunk: ImportChunk) => void | Promise<void>,
  parseStep?: string,
): Promise<ImportFormat> {
  const parser = createImportParser(format);
  const parse = <T>(work: () => T) => (parseStep ? importTimings.time(parseStep, work) : work());
  try {
    for await (const text of piecesOf(input)) await onChunk(parse(() => parser.push(text)));
    await onChunk(parse(() => parser.end()));
  } catch (error) {
    if (error instanceof ImportFormatError) throw new IngestInputError(input.name, error.message);
    throw error;
  }
  return parser.format!;
}
