// Parser for the plain-text export of a trending-papers page: two header lines, then one title
// line and one abstract line per paper. The first title is glued to the word "Subscribe".

export interface TextExportEntry {
  title: string;
  abstract: string;
  /** 1-based position in the export: the source rank. */
  rank: number;
  /** 1-based line number of the title, for error messages. */
  line: number;
}

export class TextExportError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = "TextExportError";
  }
}

const HEADER_PATTERN = /get trending papers in your email inbox/i;
const GLUED_PREFIX = /^Subscribe(?=\S)/;

/** Splits an export into title/abstract pairs; throws TextExportError naming the line on bad input. */
export function parseTextExport(content: string): TextExportEntry[] {
  const lines = content
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ text: text.trim(), line: index + 1 }));
  const nonBlank = lines.filter((l) => l.text !== "");
  if (nonBlank.length === 0) throw new TextExportError("the file is empty: expected title and abstract lines");

  let body = nonBlank;
  while (body.length > 0 && HEADER_PATTERN.test(body[0]!.text)) body = body.slice(1);
  if (body.length > 0 && body[0]!.text === "Subscribe") body = body.slice(1);
  if (body.length > 0) body[0] = { ...body[0]!, text: body[0]!.text.replace(GLUED_PREFIX, "") };
  if (body.length === 0) throw new TextExportError("no papers found after the header lines");

  const entries: TextExportEntry[] = [];
  for (let i = 0; i < body.length; i += 2) {
    const title = body[i]!;
    const abstract = body[i + 1];
    if (!abstract)
      throw new TextExportError(`the title "${truncate(title.text)}" has no abstract line after it`, title.line);
    entries.push({ title: title.text, abstract: abstract.text, rank: entries.length + 1, line: title.line });
  }
  return entries;
}

/** Cheap format sniff used by the importer's auto-detection. */
export function looksLikeTextExport(content: string): boolean {
  const head = content.trimStart().slice(0, 1);
  return head !== "<" && head !== "[" && head !== "{";
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
