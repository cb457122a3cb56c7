// Shared shapes of every import parser: the papers it accepted and the entries it turned down.
import type { NewPaper } from "@/domain/paper";

export const IMPORT_FORMATS = ["arxiv-atom", "arxiv-rss", "arxiv-jsonl", "hf-daily", "text"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** An entry the parser could not accept, with its 1-based position in the input. */
export interface ImportRejection {
  position: number;
  reason: string;
  /** Set when `position` is a line number (line-per-entry formats) rather than an entry's ordinal. */
  unit?: "line";
}

/** What a streaming parser completed from the text fed to it so far. */
export interface ImportChunk {
  papers: NewPaper[];
  rejections: ImportRejection[];
  skipped: ImportRejection[];
}

/**
 * A parser fed an input piece by piece, so an input of any size is read in bounded memory: `push` returns
 * the entries the text completed, `end` the rest. Either throws ImportFormatError when the input turns out
 * unusable as a whole (malformed or cut-off document).
 */
export interface StreamingImportParser {
  push(text: string): ImportChunk;
  end(): ImportChunk & Pick<ParsedImport, "paging">;
}

export interface ParsedImport {
  format: ImportFormat;
  papers: NewPaper[];
  rejections: ImportRejection[];
  /** Valid entries deliberately left out (e.g. revisions in an arXiv listing), with why. */
  skipped: ImportRejection[];
  /** OpenSearch paging of an arXiv API page, so a fetcher can ask for the next one. */
  paging?: { totalResults: number; startIndex: number; itemsPerPage: number };
}

/** The whole input is unusable (not the claimed format, malformed XML/JSON, empty): nothing is imported. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFormatError";
  }
}
