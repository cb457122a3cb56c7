// The plain-text trending export (the sample's format) as an import: its order is the source rank.
import { parseTextExport, TextExportError } from "@/domain/text-export";
import { collectPapers } from "./entry-schema";
import { ImportFormatError, type ParsedImport } from "./import-types";

export function parseTextExportImport(content: string): ParsedImport {
  try {
    const entries = parseTextExport(content);
    return {
      format: "text",
      ...collectPapers(entries, (entry) => ({ title: entry.title, abstract: entry.abstract, sourceRank: entry.rank })),
    };
  } catch (error) {
    if (error instanceof TextExportError) throw new ImportFormatError(`not a usable text export: ${error.message}`);
    throw error;
  }
}
