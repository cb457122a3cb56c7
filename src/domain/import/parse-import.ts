// Entry point of the import parsers: detect or check the format from the head of an input, then parse it
// piece by piece (createImportParser) or whole (parseImport) into papers and rejections.
import { looksLikeTextExport } from "@/domain/text-export";
import { arxivAtomParser } from "./arxiv-atom";
import { arxivJsonlParser, looksLikeArxivJsonl } from "./arxiv-jsonl";
import { arxivRssParser } from "./arxiv-rss";
import { hfDailyParser } from "./hf-daily";
import {
  ImportFormatError,
  type ImportChunk,
  type ImportFormat,
  type ParsedImport,
  type StreamingImportParser,
} from "./import-types";
import { textExportParser } from "./text-export-import";

const PARSERS: Record<ImportFormat, () => StreamingImportParser> = {
  "arxiv-atom": arxivAtomParser,
  "arxiv-rss": arxivRssParser,
  "arxiv-jsonl": arxivJsonlParser,
  "hf-daily": hfDailyParser,
  text: textExportParser,
};

const FAMILY: Record<ImportFormat, string> = {
  "arxiv-atom": "XML",
  "arxiv-rss": "XML",
  "arxiv-jsonl": "JSON",
  "hf-daily": "JSON",
  text: "plain text",
};

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  "arxiv-atom": "an arXiv Atom feed",
  "arxiv-rss": "an arXiv RSS listing",
  "arxiv-jsonl": "an arXiv metadata snapshot (JSON lines)",
  "hf-daily": "a Hugging Face daily-papers JSON file",
  text: "a text export",
};

/** How much of an input is read before its format is judged: enough for an XML root or a whole first JSON line. */
export const DETECTION_HEAD_CHARS = 256 * 1024;

/** The format a document is written in, judged from its head; throws when it is none of ours. */
export function detectFormat(head: string): ImportFormat {
  const body = head.replace(/^\uFEFF/, "").trimStart();
  if (body === "") throw new ImportFormatError("the input is empty");
  if (body.slice(0, 8_192).includes("\u0000")) throw new ImportFormatError("the input is a binary file, not text");
  if (body.startsWith("{") && looksLikeArxivJsonl(body)) return "arxiv-jsonl";
  if (body.startsWith("[") || body.startsWith("{")) return "hf-daily";
  if (!body.startsWith("<")) return "text";
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body)?.[2];
  if (root === "feed") return "arxiv-atom";
  if (root === "rss") return "arxiv-rss";
  throw new ImportFormatError(`XML with root element <${root ?? "?"}> is neither an Atom feed nor an RSS feed`);
}

export interface DetectingImportParser extends StreamingImportParser {
  /** The format, once enough of the input was read to judge it (at the latest after `end`). */
  readonly format: ImportFormat | undefined;
}

/**
 * A streaming parser for one input: it holds the first `headChars` back to detect the format
 * (`auto`) or check the claimed one, then hands everything to that format's parser.
 */
export function createImportParser(
  claimed: ImportFormat | "auto" = "auto",
  headChars = DETECTION_HEAD_CHARS,
): DetectingImportParser {
  let head = "";
  let format: ImportFormat | undefined;
  let parser: StreamingImportParser | undefined;
  // Judges the held-back head, starts that format's parser and feeds it the head.
  const start = (): { started: StreamingImportParser; first: ImportChunk } => {
    const body = head.replace(/^\uFEFF/, "");
    head = "";
    format = chooseFormat(body, claimed);
    parser = PARSERS[format]();
    return { started: parser, first: parser.push(body) };
  };
  return {
    get format() {
      return format;
    },
    push(text) {
      if (parser) return parser.push(text);
      head += text;
      return head.length < headChars ? { papers: [], rejections: [], skipped: [] } : start().first;
    },
    end() {
      if (parser) return parser.end();
      const { started, first } = start();
      const rest = started.end();
      return { ...rest, ...concatChunks([first, rest]) };
    },
  };
}

function chooseFormat(head: string, claimed: ImportFormat | "auto"): ImportFormat {
  const detected = detectFormat(head);
  const chosen = claimed === "auto" ? detected : claimed;
  if (FAMILY[chosen] !== FAMILY[detected] || (chosen === "text" && !looksLikeTextExport(head))) {
    throw new ImportFormatError(`not ${FORMAT_LABELS[chosen]}: the content looks like ${FAMILY[detected]}`);
  }
  return chosen;
}

/** Parses one whole input held in memory; `auto` detects the format, a claimed format is checked against the content. */
export function parseImport(content: string, format: ImportFormat | "auto" = "auto"): ParsedImport {
  const parser = createImportParser(format);
  const first = parser.push(content);
  const rest = parser.end();
  return { format: parser.format!, ...concatChunks([first, rest]), ...(rest.paging ? { paging: rest.paging } : {}) };
}

export function concatChunks(chunks: readonly ImportChunk[]): ImportChunk {
  return {
    papers: chunks.flatMap((chunk) => chunk.papers),
    rejections: chunks.flatMap((chunk) => chunk.rejections),
    skipped: chunks.flatMap((chunk) => chunk.skipped),
  };
}
