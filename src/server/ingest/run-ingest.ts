// The ingest job, streaming: a checking pass reads every input through its parser (one unusable input means
// nothing is written), then a writing pass reads them again and writes the papers in transactions of one
// batch each through addPapers, reporting progress per batch. Inputs are read piece by piece, so memory
// stays bounded whatever their size.
import { ImportFormatError, type ImportChunk, type ImportFormat, type ImportRejection } from "../../domain/import/import-types";
import { createImportParser } from "../../domain/import/parse-import";
import type { NewPaper } from "../../domain/paper";
import type { Db } from "../db";
import { addPapers, previewPapers } from "../paper-store";

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
  db: Db;
  now: Date;
  inputs: readonly IngestInput[];
  format?: ImportFormat | "auto";
  /** Source name stored with the papers and their signals; defaults to one per format. */
  source?: string;
  dryRun?: boolean;
  batchSize?: number;
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
}

/** An input the importer cannot use at all; the message names it. Nothing was written. */
export class IngestInputError extends Error {
  constructor(readonly input: string, reason: string) {
    super(`${input}: ${reason}`);
    this.name = "IngestInputError";
  }
}

const SOURCE_BY_FORMAT: Record<ImportFormat, string> = { "arxiv-atom": "arxiv", "arxiv-rss": "arxiv", "arxiv-jsonl": "arxiv", "hf-daily": "huggingface", text: "text-export" };
// One transaction per 2,000 papers: against 500, a quarter of the commits and FTS5 segment flushes, and
// (the vocabulary being recomputed when the corpus doubles, checked per batch) two fewer recomputations
// per 100k papers; a batch is still written in about a second.
const DEFAULT_BATCH_SIZE = 2_000;

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const { db, now, inputs, format = "auto", dryRun = false, batchSize = DEFAULT_BATCH_SIZE, onProgress } = options;
  const summary: IngestSummary = { dryRun, inputs: [], added: 0, merged: 0, unchanged: 0, skipped: [], rejected: [] };
  for (const input of inputs) {
    let papers = 0;
    const detected = await readInput(input, format, (chunk) => {
      papers += chunk.papers.length;
      summary.skipped.push(...chunk.skipped.map((s) => ({ input: input.name, ...s })));
      summary.rejected.push(...chunk.rejections.map((r) => ({ input: input.name, ...r })));
    });
    summary.inputs.push({ name: input.name, format: detected, papers });
  }
  const total = summary.inputs.reduce((sum, input) => sum + input.papers, 0);
  let done = 0;
  let pending: NewPaper[] = [];
  let source = "";
  const write = async (batch: NewPaper[]) => {
    const outcome = dryRun ? await previewPapers(db, batch) : await addPapers(db, batch, { source, now });
    summary.added += outcome.added;
    summary.merged += outcome.merged;
    summary.unchanged += outcome.unchanged;
    done += batch.length;
    if (!dryRun) onProgress?.(done, total);
  };
  onProgress?.(0, total);
  for (const [index, input] of inputs.entries()) {
    const detected = summary.inputs[index]!.format;
    source = options.source ?? SOURCE_BY_FORMAT[detected];
    await readInput(input, detected, async (chunk) => {
      pending = pending.length === 0 ? chunk.papers : pending.concat(chunk.papers);
      for (; pending.length >= batchSize; pending = pending.slice(batchSize)) await write(pending.slice(0, batchSize));
    });
    // A batch is written under one source; a dry run previews across inputs, as one import would see them.
    if (!dryRun && pending.length > 0) {
      await write(pending);
      pending = [];
    }
  }
  if (pending.length > 0) await write(pending);
  if (dryRun) onProgress?.(total, total);
  return summary;
}

/** Feeds one input through a parser, handing on each piece's result; returns the format it was read as. */
async function readInput(input: IngestInput, format: ImportFormat | "auto", onChunk: (chunk: ImportChunk) => void | Promise<void>): Promise<ImportFormat> {
  const parser = createImportParser(format);
  try {
    for await (const text of "content" in input ? [input.content] : input.read()) await onChunk(parser.push(text));
    await onChunk(parser.end());
  } catch (error) {
    if (error instanceof ImportFormatError) throw new IngestInputError(input.name, error.message);
    throw error;
  }
  return parser.format!;
}
