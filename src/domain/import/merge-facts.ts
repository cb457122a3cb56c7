// Merging what a second source knows about a paper into the stored one: fill gaps, never overwrite.
import { paperCodeUrl } from "@/domain/code/code-links";
import type { NewPaper, Paper } from "@/domain/paper";

/** The mergeable facts of a stored paper. */
export type PaperFacts = Pick<
  Paper,
  | "arxivId"
  | "authors"
  | "sourceUrl"
  | "pdfUrl"
  | "doi"
  | "primaryCategory"
  | "categories"
  | "comment"
  | "codeUrl"
  | "publishedAt"
> & {
  /** Source-assigned keywords (topic vocabulary input). */
  keywords: string[];
};

const FILL_IN_FIELDS = ["arxivId", "sourceUrl", "pdfUrl", "doi", "primaryCategory", "comment"] as const;

/**
 * The facts after merging `incoming` into `stored`, or null when it adds nothing. Known values win
 * (the first source that knew a fact keeps it), so importing the same data twice is a no-op.
 */
export function mergeFacts(stored: PaperFacts, incoming: NewPaper): PaperFacts | null {
  const merged: PaperFacts = { ...stored };
  let changed = false;
  for (const field of FILL_IN_FIELDS) {
    const value = incoming[field];
    if (value && !merged[field]) {
      merged[field] = value;
      changed = true;
    }
  }
  if (merged.authors.length === 0 && (incoming.authors?.length ?? 0) > 0) {
    merged.authors = [...(incoming.authors ?? [])];
    changed = true;
  }
  const newCategories = (incoming.categories ?? []).filter((category) => !merged.categories.includes(category));
  if (newCategories.length > 0) {
    merged.categories = [...merged.categories, ...newCategories];
    changed = true;
  }
  const codeUrl = paperCodeUrl(incoming);
  if (!merged.codeUrl && codeUrl) {
    merged.codeUrl = codeUrl;
    changed = true;
  }
  const newKeywords = (incoming.keywords ?? []).filter((keyword) => !merged.keywords.includes(keyword));
  if (newKeywords.length > 0) {
    merged.keywords = [...merged.keywords, ...newKeywords];
    changed = true;
  }
  if (!merged.publishedAt && incoming.publishedAt) {
    merged.publishedAt = incoming.publishedAt;
    changed = true;
  }
  return changed ? merged : null;
}

/** Whether a stored paper may be the paper an entry describes when only the titles match. */
export function titleMatchAllowed(stored: { arxivId: string | null }, incoming: NewPaper): boolean {
  // Two different arXiv ids behind the same title are two papers (e.g. generic titles like "Introduction").
  return !stored.arxivId || !incoming.arxivId || stored.arxivId === incoming.arxivId;
}
