// Adds papers to the store: one transaction per batch, merging into an existing paper instead of
// duplicating it (same arXiv id, else same normalised title), and recording ranked-source signals.
import { cleanLatex, normalizeWhitespace } from "../domain/latex";
import type { NewPaper } from "../domain/paper";
import { slugify, titleKey } from "../domain/title-key";
import { importedUpvotesWeight, sourceRankWeight } from "../domain/trending";
import type { Db } from "./db";
import { indexNewPapers } from "./paper-indexing";
import { recordSignalsInTx, type SignalInput } from "./signals";

export type AddOutcome = "added" | "merged" | "unchanged";

export interface AddPapersResult {
  added: number;
  merged: number;
  unchanged: number;
  /** One entry per input paper, in order. */
  outcomes: { paperId: number; outcome: AddOutcome }[];
}

export interface AddPapersOptions {
  source: string;
  now: Date;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Adds or merges a batch of papers atomically; new papers are tagged and indexed before it returns. */
export async function addPapers(db: Db, papers: readonly NewPaper[], options: AddPapersOptions): Promise<AddPapersResult> {
  const result = await db.$transaction(async (tx) => {
    const outcomes: AddPapersResult["outcomes"] = [];
    const signals: SignalInput[] = [];
    for (const paper of papers) {
      const { paperId, outcome } = await upsertPaper(tx, paper, options);
      outcomes.push({ paperId, outcome });
      if (paper.sourceRank != null) {
        signals.push({ paperId, kind: "source_rank", at: options.now, weight: sourceRankWeight(paper.sourceRank), value: paper.sourceRank, source: options.source });
      }
      if (paper.sourceUpvotes != null && paper.sourceUpvotes > 0) {
        signals.push({ paperId, kind: "hf_upvotes", at: options.now, weight: importedUpvotesWeight(paper.sourceUpvotes), value: paper.sourceUpvotes, source: options.source });
      }
    }
    await recordSignalsInTx(tx, signals);
    return outcomes;
  }, { timeout: 120_000 });
  const addedIds = result.filter((o) => o.outcome === "added").map((o) => o.paperId);
  await indexNewPapers(db, addedIds);
  return {
    added: addedIds.length,
    merged: result.filter((o) => o.outcome === "merged").length,
    unchanged: result.filter((o) => o.outcome === "unchanged").length,
    outcomes: result,
  };
}

async function upsertPaper(tx: Tx, paper: NewPaper, { source, now }: AddPapersOptions): Promise<{ paperId: number; outcome: AddOutcome }> {
  const title = normalizeWhitespace(paper.title);
  const abstract = normalizeWhitespace(paper.abstract);
  const key = titleKey(title);
  const existing =
    (paper.arxivId ? await tx.paper.findUnique({ where: { arxivId: paper.arxivId } }) : null) ??
    (await tx.paper.findFirst({ where: { titleKey: key }, orderBy: { id: "asc" } }));

  if (existing) {
    const changes = mergeFacts(existing, paper);
    if (Object.keys(changes).length === 0) return { paperId: existing.id, outcome: "unchanged" };
    await tx.paper.update({ where: { id: existing.id }, data: changes });
    return { paperId: existing.id, outcome: "merged" };
  }

  const authors = paper.authors ?? [];
  const created = await tx.paper.create({
    data: {
      slug: await uniqueSlug(tx, title),
      title,
      abstract,
      titleText: cleanLatex(title),
      abstractText: cleanLatex(abstract),
      authors: JSON.stringify(authors),
      authorsText: authors.join(", "),
      titleKey: key,
      arxivId: paper.arxivId ?? null,
      sourceUrl: paper.sourceUrl ?? null,
      pdfUrl: paper.pdfUrl ?? null,
      doi: paper.doi ?? null,
      primaryCategory: paper.primaryCategory ?? null,
      categories: JSON.stringify(paper.categories ?? []),
      comment: paper.comment ?? null,
      publishedAt: paper.publishedAt ?? null,
      firstSeenAt: now,
      feedAt: paper.publishedAt ?? now,
      sourceName: source,
      sourceRank: paper.sourceRank ?? null,
    },
    select: { id: true },
  });
  return { paperId: created.id, outcome: "added" };
}

interface MergeTarget {
  arxivId: string | null; authors: string; sourceUrl: string | null; pdfUrl: string | null; doi: string | null;
  primaryCategory: string | null; categories: string; comment: string | null; publishedAt: Date | null;
}

/** The facts the incoming paper adds to the stored one; empty when it adds nothing new. */
function mergeFacts(existing: MergeTarget, paper: NewPaper): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const fillIn = <K extends "arxivId" | "sourceUrl" | "pdfUrl" | "doi" | "primaryCategory" | "comment">(field: K) => {
    const incoming = paper[field];
    if (incoming && !existing[field]) changes[field] = incoming;
  };
  (["arxivId", "sourceUrl", "pdfUrl", "doi", "primaryCategory", "comment"] as const).forEach(fillIn);
  const authors = paper.authors ?? [];
  if (authors.length > 0 && existing.authors === "[]") {
    changes.authors = JSON.stringify(authors);
    changes.authorsText = authors.join(", ");
  }
  const known = new Set<string>(JSON.parse(existing.categories) as string[]);
  const categories = [...known, ...(paper.categories ?? []).filter((c) => !known.has(c))];
  if (categories.length > known.size) changes.categories = JSON.stringify(categories);
  if (paper.publishedAt && !existing.publishedAt) {
    changes.publishedAt = paper.publishedAt;
    changes.feedAt = paper.publishedAt;
  }
  return changes;
}

async function uniqueSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.paper.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}
