// arXiv's bulk metadata snapshot (the Kaggle "arxiv-metadata-oai-snapshot.json" dataset): one JSON object per
// line. Lines stand alone, so a bad line is rejected with its line number and the rest imports.
import { z } from "zod";
import { arxivIdFrom } from "./arxiv-id";
import { arxivLinks, splitCreators } from "./arxiv-listing";
import { acceptEntry, describeIssues, emptyChunk, type EntryOutcome } from "./entry-schema";
import type { ImportChunk, StreamingImportParser } from "./import-types";
import { LineSplitter, type NumberedLine } from "./line-splitter";

/** One line of the snapshot, as far as we read it (submitter, license, report-no… are ignored). */
export const ArxivMetadataLineSchema = z.object({
  id: z.string({ error: (issue) => (issue.input == null ? "missing" : "not text") }),
  title: z.string().nullish(),
  abstract: z.string().nullish(),
  authors: z.string().nullish(),
  // [last, first, suffix] per author.
  authors_parsed: z.array(z.array(z.string())).nullish(),
  categories: z.string().nullish(),
  doi: z.string().nullish(),
  comments: z.string().nullish(),
  versions: z.array(z.object({ version: z.string(), created: z.string() })).nullish(),
  update_date: z.string().nullish(),
});

export function arxivJsonlParser(): StreamingImportParser {
  const lines = new LineSplitter();
  const read = (numbered: NumberedLine[]): ImportChunk => {
    const chunk = emptyChunk();
    for (const { text, line } of numbered) if (text.trim() !== "") acceptEntry(toPaper(text), line, chunk, "line");
    return chunk;
  };
  return { push: (text) => read(lines.push(text)), end: () => read(lines.end()) };
}

/**
 * One of the first lines of `head` reads as a snapshot record (an object with an id and a title), so a
 * broken first line does not hide the format.
 */
export function looksLikeArxivJsonl(head: string): boolean {
  return head
    .split("\n", DETECTION_LINES)
    .map((line) => line.trim())
    .some((line) => line.startsWith("{") && isSnapshotRecord(line));
}

const DETECTION_LINES = 5;

function isSnapshotRecord(line: string): boolean {
  try {
    const record: unknown = JSON.parse(line);
    return typeof record === "object" && record !== null && "id" in record && "title" in record;
  } catch {
    return false;
  }
}

function toPaper(text: string): EntryOutcome {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return { reject: `not a JSON object: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = ArxivMetadataLineSchema.safeParse(record);
  if (!parsed.success) return { reject: describeIssues(parsed.error) };
  const line = parsed.data;
  const arxivId = arxivIdFrom(line.id);
  const categories = (line.categories ?? "").split(/\s+/).filter(Boolean);
  return {
    // Titles, authors and abstracts wrap with "\n  "; the entry schema collapses that whitespace.
    title: line.title ?? undefined,
    abstract: line.abstract ?? undefined,
    authors: line.authors_parsed ? line.authors_parsed.map(authorName) : splitCreators(line.authors ?? ""),
    arxivId,
    ...arxivLinks(arxivId),
    doi: line.doi,
    primaryCategory: categories[0],
    categories,
    comment: line.comments,
    publishedAt: firstVersion(line.versions)?.created ?? line.update_date,
  };
}

/** "first last suffix" from [last, first, suffix]. */
function authorName([last = "", first = "", suffix = ""]: string[]): string {
  return [first, last, suffix].filter((part) => part.trim() !== "").join(" ");
}

/** The version published first: "v1" when listed, else the earliest listed. */
function firstVersion(versions: { version: string; created: string }[] | null | undefined) {
  if (!versions || versions.length === 0) return undefined;
  return versions.find((v) => v.version === "v1") ?? versions[0];
}
