// The ingest job: parse every input first (one unusable input means nothing is written), then write
// the papers in transactions of one batch each through addPapers, reporting progress per batch.
import { ImportFormatError, type ImportFormat, type ImportRejection } from "@/domain/import/import-types";
import { parseImport } from "@/domain/import/parse-import";
import type { NewPaper } from "@/domain/paper";
import type { Db } from "@/server/db";
import { addPapers, previewPapers } from "@/server/paper-store";

export interface IngestInput {
  /** File path or URL, used in messages. */
  name: string;
  content: string;
}

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
  "hf-daily": "huggingface",
  text: "text-export",
};
// One transaction per 2,000 papers: against 500, a quarter of the commits and FTS5 segment flushes, and
// (the vocabulary being recomputed when the corpus doubles, checked per batch) two fewer recomputations
// per 100k papers; a batch is still written in about a second.
const DEFAULT_BATCH_SIZE = 2_000;

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const { db, now, inputs, format = "auto", dryRun = false, batchSize = DEFAULT_BATCH_SIZE, onProgress } = options;
  const parsed = inputs.map((input) => {
    try {
      return { input, result: parseImport(input.content, format) };
    } catch (error) {
      if (error instanceof ImportFormatError) throw new IngestInputError(input.name, error.message);
      throw error;
    }
  });
  const summary: IngestSummary = {
    dryRun,
    inputs: parsed.map(({ input, result }) => ({
      name: input.name,
      format: result.format,
      papers: result.papers.length,
    })),
    added: 0,
    merged: 0,
    unchanged: 0,
    skipped: parsed.flatMap(({ input, result }) => result.skipped.map((s) => ({ input: input.name, ...s }))),
    rejected: parsed.flatMap(({ input, result }) => result.rejections.map((r) => ({ input: input.name, ...r }))),
  };
  const total = parsed.reduce((sum, { result }) => sum + result.papers.length, 0);
  if (dryRun) {
    Object.assign(
      summary,
      await previewPapers(
        db,
        parsed.flatMap(({ result }) => result.papers),
      ),
    );
    onProgress?.(total, total);
    return summary;
  }
  let done = 0;
  onProgress?.(0, total);
  for (const { result } of parsed) {
    const source = options.source ?? SOURCE_BY_FORMAT[result.format];
    for (const batch of batches(result.papers, batchSize)) {
      const outcome = await addPapers(db, batch, { source, now });
      summary.added += outcome.added;
      summary.merged += outcome.merged;
      summary.unchanged += outcome.unchanged;
      done += batch.length;
      onProgress?.(done, total);
    }
  }
  return summary;
}

function* batches(papers: readonly NewPaper[], size: number): Generator<NewPaper[]> {
  for (let start = 0; start < papers.length; start += size) yield papers.slice(start, start + size);
}
