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
  const reader = new TextExportReader();
  const entries: TextExportEntry[] = [];
  content
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((text, index) => {
      const entry = reader.line(text, index + 1);
      if (entry) entries.push(entry);
    });
  reader.end();
  return entries;
}

/**
 * The export read one line at a time (so a file of any size streams): header lines, an optional
 * "Subscribe" line, then title and abstract lines in pairs; blank lines are ignored.
 */
export class TextExportReader {
  private phase: "header" | "subscribe" | "first" | "body" = "header";
  private sawText = false;
  private title: { text: string; line: number } | null = null;
  private rank = 0;

  /** The entry this line completes, if any. */
  line(raw: string, line: number): TextExportEntry | undefined {
    let text = raw.trim();
    if (text === "") return undefined;
    this.sawText = true;
    if (this.phase === "header") {
      if (HEADER_PATTERN.test(text)) return undefined;
      this.phase = "subscribe";
    }
    if (this.phase === "subscribe") {
      this.phase = "first";
      if (text === "Subscribe") return undefined;
    }
    if (this.phase === "first") {
      this.phase = "body";
      text = text.replace(GLUED_PREFIX, "");
    }
    if (!this.title) {
      this.title = { text, line };
      return undefined;
    }
    const entry = { title: this.title.text, abstract: text, rank: ++this.rank, line: this.title.line };
    this.title = null;
    return entry;
  }

  /** Throws when the export ended without papers or with a title lacking its abstract. */
  end(): void {
    if (!this.sawText) throw new TextExportError("the file is empty: expected title and abstract lines");
    if (this.title)
      throw new TextExportError(
        `the title "${truncate(this.title.text)}" has no abstract line after it`,
        this.title.line,
      );
    if (this.rank === 0) throw new TextExportError("no papers found after the header lines");
  }
}

/** Cheap format sniff used by the importer's auto-detection. */
export function looksLikeTextExport(content: string): boolean {
  const head = content.trimStart().slice(0, 1);
  return head !== "<" && head !== "[" && head !== "{";
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
