// Shared shapes of every import parser: the papers it accepted and the entries it turned down.
import type { NewPaper } from "@/domain/paper";

export const IMPORT_FORMATS = ["arxiv-atom", "arxiv-rss", "hf-daily", "text"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** An entry the parser could not accept, with its 1-based position in the input. */
export interface ImportRejection {
  position: number;
  reason: string;
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
