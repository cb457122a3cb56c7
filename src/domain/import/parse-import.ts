// Entry point of the import parsers: detect or check the format, then parse into papers and rejections.
import { looksLikeTextExport } from "@/domain/text-export";
import { parseArxivAtom } from "./arxiv-atom";
import { parseArxivRss } from "./arxiv-rss";
import { parseHfDaily } from "./hf-daily";
import { ImportFormatError, type ImportFormat, type ParsedImport } from "./import-types";
import { parseTextExportImport } from "./text-export-import";

const PARSERS: Record<ImportFormat, (content: string) => ParsedImport> = {
  "arxiv-atom": parseArxivAtom,
  "arxiv-rss": parseArxivRss,
  "hf-daily": parseHfDaily,
  text: parseTextExportImport,
};

const FAMILY: Record<ImportFormat, string> = {
  "arxiv-atom": "XML",
  "arxiv-rss": "XML",
  "hf-daily": "JSON",
  text: "plain text",
};

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  "arxiv-atom": "an arXiv Atom feed",
  "arxiv-rss": "an arXiv RSS listing",
  "hf-daily": "a Hugging Face daily-papers JSON file",
  text: "a text export",
};

/** The format a document is written in, judged from its first elements; throws when it is none of ours. */
export function detectFormat(content: string): ImportFormat {
  const body = content.replace(/^\uFEFF/, "").trimStart();
  if (body === "") throw new ImportFormatError("the input is empty");
  if (body.slice(0, 8_192).includes("\u0000")) throw new ImportFormatError("the input is a binary file, not text");
  if (body.startsWith("[") || body.startsWith("{")) return "hf-daily";
  if (!body.startsWith("<")) return "text";
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body)?.[2];
  if (root === "feed") return "arxiv-atom";
  if (root === "rss") return "arxiv-rss";
  throw new ImportFormatError(`XML with root element <${root ?? "?"}> is neither an Atom feed nor an RSS feed`);
}

/** Parses one input; `auto` detects the format, a claimed format is checked against the content. */
export function parseImport(content: string, format: ImportFormat | "auto" = "auto"): ParsedImport {
  const detected = detectFormat(content);
  const chosen = format === "auto" ? detected : format;
  if (
    FAMILY[chosen] !== FAMILY[detected] ||
    (chosen === "text" && !looksLikeTextExport(content.replace(/^\uFEFF/, "")))
  ) {
    throw new ImportFormatError(`not ${FORMAT_LABELS[chosen]}: the content looks like ${FAMILY[detected]}`);
  }
  return PARSERS[chosen](content.replace(/^\uFEFF/, ""));
}
