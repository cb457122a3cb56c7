// Every format parses the same whether the input comes whole or in pieces of any size, and a cut-off
// document is refused however it was fed.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ImportFormatError, type ImportFormat, type ParsedImport } from "../../src/domain/import/import-types";
import { LineSplitter } from "../../src/domain/import/line-splitter";
import { concatChunks, createImportParser, parseImport } from "../../src/domain/import/parse-import";
import { fixture, INGEST_FIXTURES } from "../helpers/ingest-fixtures";

/** Feeds `content` in pieces of `size` characters, detecting the format from the first 2,000 (a whole first JSON line). */
function parseInPieces(content: string, size: number, format: ImportFormat | "auto" = "auto"): ParsedImport {
  const parser = createImportParser(format, 2_000);
  const chunks = [];
  for (let at = 0; at < content.length; at += size) chunks.push(parser.push(content.slice(at, at + size)));
  const rest = parser.end();
  chunks.push(rest);
  return { format: parser.format!, ...concatChunks(chunks), ...(rest.paging ? { paging: rest.paging } : {}) };
}

const FIXTURES = fs.readdirSync(INGEST_FIXTURES);

describe("streaming parsers", () => {
  it("cover a fixture of every format", () => {
    const formats = new Set(FIXTURES.map((name) => parseImport(fixture(name)).format));
    expect([...formats].sort()).toEqual(["arxiv-atom", "arxiv-jsonl", "arxiv-rss", "hf-daily", "text"]);
  });

  it.each(FIXTURES.flatMap((name) => [1, 7, 333, 4_096].map((size) => [name, size] as const)))(
    "read %s in pieces of %i characters as whole",
    (name, size) => {
      const content = fixture(name);
      expect(parseInPieces(content, size)).toEqual(parseImport(content));
    },
  );

  it.each([
    ["arxiv-api-page.xml", /malformed XML in the arXiv Atom feed \(line \d+\)/],
    ["arxiv-listing-cs-lg.rss", /malformed XML in the arXiv RSS feed \(line \d+\)/],
    ["hf-daily-papers.json", /malformed JSON in the Hugging Face daily-papers file/],
  ])("refuse %s cut off anywhere", (name, message) => {
    const content = fixture(name);
    for (const cut of [0.3, 0.6, 0.9, 0.995]) {
      const truncated = content.slice(0, Math.floor(content.length * cut));
      expect(() => parseInPieces(truncated, 101)).toThrow(ImportFormatError);
      expect(() => parseInPieces(truncated, 101)).toThrow(message);
    }
  });

  it("name the line of a malformed element in a long feed", () => {
    const entry = (id: number, inner = "<title>T</title><summary>S</summary>") =>
      `  <entry>\n    <id>http://arxiv.org/abs/2501.0000${id}v1</id>${inner}\n  </entry>\n`;
    const feed = `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entry(1)}${entry(2)}${entry(3, "<title>T</titel>")}</feed>\n`;
    expect(() => parseInPieces(feed, 17)).toThrow(/malformed XML in the arXiv Atom feed \(line 10\)/);
  });

  it("split lines on \\n, \\r\\n and \\r, also when a \\r\\n straddles two pieces", () => {
    const splitter = new LineSplitter();
    const lines = [...splitter.push("one\r"), ...splitter.push("\ntwo\rthree\n\nfour"), ...splitter.end()];
    expect(lines).toEqual([
      { text: "one", line: 1 },
      { text: "two", line: 2 },
      { text: "three", line: 3 },
      { text: "", line: 4 },
      { text: "four", line: 5 },
    ]);
  });
});
