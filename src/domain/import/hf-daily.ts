// Hugging Face daily papers (huggingface.co/api/daily_papers): a JSON array in rank order, with upvotes.
import { z } from "zod";
import { isArxivId } from "./arxiv-id";
import { acceptEntry, describeIssues, emptyChunk, type ImportedPaperInput } from "./entry-schema";
import { ImportFormatError, type ImportChunk, type StreamingImportParser } from "./import-types";
import { JsonArrayError, JsonArraySplitter } from "./json-array-splitter";

/** One item of the array, as far as we read it (everything else is ignored). */
export const HfDailyItemSchema = z.object({
  paper: z.object(
    {
      id: z.string().optional(),
      title: z.string().optional(),
      summary: z.string().optional(),
      authors: z.array(z.object({ name: z.string().optional() })).default([]),
      publishedAt: z.string().optional(),
      upvotes: z.number().optional(),
      githubRepo: z.string().nullish(),
      ai_keywords: z.array(z.string()).optional().catch(undefined),
    },
    { error: "missing (not a daily-papers item)" },
  ),
  title: z.string().optional(),
  publishedAt: z.string().optional(),
  numComments: z.number().optional(),
});

/** Reads the array element by element, so a file of any size streams. */
export function hfDailyParser(): StreamingImportParser {
  const splitter = new JsonArraySplitter();
  let position = 0;
  let anyItemShaped = false;
  const read = (elements: string[]): ImportChunk => {
    const chunk = emptyChunk();
    for (const text of elements) {
      const item = parseElement(text);
      anyItemShaped ||= HfDailyItemSchema.safeParse(item).success;
      position++;
      acceptEntry(toPaper(item, position), position, chunk);
    }
    return chunk;
  };
  return {
    push: (text) => read(split(() => splitter.push(text))),
    end: () => {
      split(() => splitter.end());
      if (position > 0 && !anyItemShaped) {
        throw new ImportFormatError(
          "not a Hugging Face daily-papers file: no item has a `paper` object with the expected fields",
        );
      }
      return emptyChunk();
    },
  };
}

function split<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof JsonArrayError)) throw error;
    if (error.notAnArray) {
      throw new ImportFormatError(
        "not a Hugging Face daily-papers file: expected a JSON array of items with a `paper` object",
      );
    }
    throw new ImportFormatError(`malformed JSON in the Hugging Face daily-papers file: ${error.message}`);
  }
}

function parseElement(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportFormatError(
      `malformed JSON in the Hugging Face daily-papers file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function toPaper(node: unknown, position: number): ImportedPaperInput | { reject: string } {
  const parsed = HfDailyItemSchema.safeParse(node);
  if (!parsed.success) return { reject: describeIssues(parsed.error) };
  const { paper, title } = parsed.data;
  const arxivId = paper.id && isArxivId(paper.id.trim()) ? paper.id.trim() : null;
  return {
    title: paper.title ?? title,
    abstract: paper.summary,
    authors: paper.authors.map((author) => author.name ?? ""),
    arxivId,
    sourceUrl: arxivId ? `https://arxiv.org/abs/${arxivId}` : null,
    pdfUrl: arxivId ? `https://arxiv.org/pdf/${arxivId}` : null,
    publishedAt: paper.publishedAt,
    codeUrl: paper.githubRepo ?? null,
    ...(paper.ai_keywords ? { keywords: paper.ai_keywords } : {}),
    // The array is the day's ranking: its order is the source rank.
    sourceRank: position,
    sourceUpvotes: paper.upvotes === undefined ? null : Math.max(0, Math.round(paper.upvotes)),
  };
}
