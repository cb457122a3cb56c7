// The plain-text trending export (the sample's format) as an import, read line by line: its order is the
// source rank.
import { TextExportError, TextExportReader } from "@/domain/text-export";
import { acceptEntry, emptyChunk } from "./entry-schema";
import { ImportFormatError, type ImportChunk, type StreamingImportParser } from "./import-types";
import { LineSplitter, type NumberedLine } from "./line-splitter";

export function textExportParser(): StreamingImportParser {
  const lines = new LineSplitter();
  const reader = new TextExportReader();
  const read = (numbered: NumberedLine[]): ImportChunk => {
    const chunk = emptyChunk();
    for (const { text, line } of numbered) {
      const entry = reader.line(text, line);
      if (entry)
        acceptEntry({ title: entry.title, abstract: entry.abstract, sourceRank: entry.rank }, entry.rank, chunk);
    }
    return chunk;
  };
  return {
    push: (text) => read(lines.push(text)),
    end: () => {
      const chunk = read(lines.end());
      try {
        reader.end();
      } catch (error) {
        if (error instanceof TextExportError) throw new ImportFormatError(`not a usable text export: ${error.message}`);
        throw error;
      }
      return chunk;
    },
  };
}
