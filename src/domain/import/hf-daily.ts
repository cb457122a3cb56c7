// Hugging Face daily papers (huggingface.co/api/daily_papers): a JSON array in rank order, with upvotes.
import { z } from "zod";
import { isArxivId } from "./arxiv-id";
import { collectPapers, describeIssues, type ImportedPaperInput } from "./entry-schema";
import { ImportFormatError, type ParsedImport } from "./import-types";

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
    },
    { error: "missing (not a daily-papers item)" },
  ),
  title: z.string().optional(),
  publishedAt: z.string().optional(),
  numComments: z.number().optional(),
});

export function parseHfDaily(json: string): ParsedImport {
  let items: unknown;
  try {
    items = JSON.parse(json);
  } catch (error) {
    throw new ImportFormatError(
      `malformed JSON in the Hugging Face daily-papers file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(items)) {
    throw new ImportFormatError(
      "not a Hugging Face daily-papers file: expected a JSON array of items with a `paper` object",
    );
  }
  if (items.length > 0 && !items.some((item) => HfDailyItemSchema.safeParse(item).success)) {
    throw new ImportFormatError(
      "not a Hugging Face daily-papers file: no item has a `paper` object with the expected fields",
    );
  }
  return { format: "hf-daily", ...collectPapers(items, toPaper) };
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
    // The array is the day's ranking: its order is the source rank.
    sourceRank: position,
    sourceUpvotes: paper.upvotes === undefined ? null : Math.max(0, Math.round(paper.upvotes)),
  };
}
