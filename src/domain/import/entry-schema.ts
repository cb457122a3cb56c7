// The zod schema every imported entry passes before it may enter the store, whatever its format.
import { z } from "zod";
import { isArxivId } from "./arxiv-id";
import { cleanImportedText } from "./clean-text";
import type { ImportChunk } from "./import-types";

export const MAX_TITLE_LENGTH = 1_000;
export const MAX_ABSTRACT_LENGTH = 20_000;
const MAX_AUTHORS = 2_000;

const requiredText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input == null ? "missing" : "not text") })
    .transform(cleanImportedText)
    .pipe(z.string().min(1, "empty").max(max, `longer than ${max} characters`));

const optionalText = (max: number) =>
  z
    .string()
    .transform(cleanImportedText)
    .transform((text) => (text === "" ? null : text.slice(0, max)))
    .nullish()
    .catch(null);

// Links are optional facts: anything but an http(s) URL (javascript:, data:, garbage) is dropped, not fatal.
const webLink = z
  .string()
  .transform((link) => link.trim().replace(/^http:\/\/(export\.)?arxiv\.org\//, "https://arxiv.org/"))
  .pipe(z.url({ protocol: /^https?$/ }))
  .nullish()
  .catch(null);

const publishedDate = z
  .string()
  .nullish()
  .transform((text, ctx) => {
    if (text == null || text.trim() === "") return null;
    const date = new Date(text.trim());
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: `"${text.slice(0, 40)}" is not a date` });
      return z.NEVER;
    }
    return date;
  });

const count = z.number().int().nonnegative().nullish().catch(null);

/** One paper as an importer hands it over: raw strings in, a clean NewPaper out. */
export const ImportedPaperSchema = z.object({
  title: requiredText(MAX_TITLE_LENGTH),
  abstract: requiredText(MAX_ABSTRACT_LENGTH),
  authors: z
    .array(z.string().transform(cleanImportedText))
    .max(MAX_AUTHORS, `more than ${MAX_AUTHORS} authors`)
    .transform((names) => names.filter((name) => name !== "").map((name) => name.slice(0, 300)))
    .default([]),
  arxivId: z.string().refine(isArxivId).nullish().catch(null),
  sourceUrl: webLink,
  pdfUrl: webLink,
  doi: z
    .string()
    .trim()
    .regex(/^10\.\d{4,9}\/\S+$/)
    .nullish()
    .catch(null),
  primaryCategory: z
    .string()
    .trim()
    .regex(/^[a-z-]+(\.[A-Za-z-]+)?$/)
    .nullish()
    .catch(null),
  categories: z
    .array(z.string().trim())
    .default([])
    .transform((list) => [...new Set(list.filter((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c)))]),
  comment: optionalText(2_000),
  codeUrl: webLink,
  keywords: z
    .array(z.string())
    .transform((list) =>
      [...new Set(list.map(cleanImportedText).filter((k) => k !== "" && k.length <= 80))].slice(0, 50),
    )
    .optional()
    .catch(undefined),
  publishedAt: publishedDate,
  sourceRank: z.number().int().positive().nullish().catch(null),
  sourceUpvotes: count,
});

/** What a format mapper hands to the schema: required text may still be missing, the schema says so. */
export type ImportedPaperInput = Omit<z.input<typeof ImportedPaperSchema>, "title" | "abstract"> & {
  title?: string;
  abstract?: string;
};

/** A zod issue as one readable line, e.g. `title: missing` or `publishedAt: "soon" is not a date`. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid entry";
  const field = issue.path.map(String).join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

export type EntryOutcome = ImportedPaperInput | { reject: string } | { skip: string };

export function emptyChunk(): ImportChunk {
  return { papers: [], rejections: [], skipped: [] };
}

/** Validates one mapped entry into `into`: a paper, or a rejection or skip naming its position. */
export function acceptEntry(candidate: EntryOutcome, position: number, into: ImportChunk, unit?: "line"): void {
  const at = unit ? { position, unit } : { position };
  if ("reject" in candidate) return void into.rejections.push({ ...at, reason: candidate.reject });
  if ("skip" in candidate) return void into.skipped.push({ ...at, reason: candidate.skip });
  const parsed = ImportedPaperSchema.safeParse(candidate);
  if (parsed.success) into.papers.push(parsed.data);
  else into.rejections.push({ ...at, reason: describeIssues(parsed.error) });
}
