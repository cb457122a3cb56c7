// Decides, for a batch of incoming papers, which are new and which merge into a stored (or earlier) paper.
// Works in memory after one lookup: the same plan drives the write path and the importer's dry run.
import { normalizeWhitespace } from "@/domain/latex";
import { paperCodeUrl } from "@/domain/code/code-links";
import { mergeFacts, titleMatchAllowed, type PaperFacts } from "@/domain/import/merge-facts";
import type { NewPaper } from "@/domain/paper";
import { titleKey } from "@/domain/title-key";
import type { AddOutcome } from "@/server/store/papers";
import type { CandidateRow } from "./paper-bulk-writer";
import { parseJsonList } from "./paper-rows";

/** A paper the batch will create; later entries of the same paper merge into it. */
export interface DraftPaper {
  kind: "draft";
  title: string;
  abstract: string;
  titleKey: string;
  facts: PaperFacts;
  sourceRank: number | null;
}

export interface StoredPaper {
  kind: "stored";
  id: number;
  titleKey: string;
  facts: PaperFacts;
  changed: boolean;
}

export interface PaperPlan {
  /** One step per incoming paper, in order. */
  steps: { target: DraftPaper | StoredPaper; outcome: AddOutcome }[];
  drafts: DraftPaper[];
  stored: StoredPaper[];
}

/** The lookups a plan needs: stored papers with any of these arXiv ids or title keys. */
export interface CandidateFinder {
  findCandidates(arxivIds: readonly string[], titleKeys: readonly string[]): CandidateRow[];
}

export function planPapers(finder: CandidateFinder, papers: readonly NewPaper[]): PaperPlan {
  const incoming = papers.map((paper) => {
    const title = normalizeWhitespace(paper.title);
    return { paper, title, key: titleKey(title) };
  });
  const arxivIds = [...new Set(incoming.map((i) => i.paper.arxivId).filter((id): id is string => !!id))];
  const titleKeys = [...new Set(incoming.map((i) => i.key).filter((key) => key !== ""))];
  const stored = finder.findCandidates(arxivIds, titleKeys).map(storedPaperOf);
  const byArxivId = new Map<string, DraftPaper | StoredPaper>();
  const byTitleKey = new Map<string, (DraftPaper | StoredPaper)[]>();
  const remember = (target: DraftPaper | StoredPaper) => {
    if (target.facts.arxivId) byArxivId.set(target.facts.arxivId, target);
    if (target.titleKey !== "") byTitleKey.set(target.titleKey, [...(byTitleKey.get(target.titleKey) ?? []), target]);
  };
  stored.forEach(remember);

  const plan: PaperPlan = { steps: [], drafts: [], stored };
  for (const { paper, title, key } of incoming) {
    const target =
      (paper.arxivId ? byArxivId.get(paper.arxivId) : undefined) ??
      byTitleKey.get(key)?.find((candidate) => titleMatchAllowed(candidate.facts, paper));
    if (!target) {
      const draft: DraftPaper = {
        kind: "draft",
        title,
        abstract: normalizeWhitespace(paper.abstract),
        titleKey: key,
        facts: factsOf(paper),
        sourceRank: paper.sourceRank ?? null,
      };
      plan.drafts.push(draft);
      plan.steps.push({ target: draft, outcome: "added" });
      remember(draft);
      continue;
    }
    const merged = mergeFacts(target.facts, paper);
    if (merged) {
      target.facts = merged;
      if (target.kind === "stored") target.changed = true;
      if (merged.arxivId) byArxivId.set(merged.arxivId, target);
    }
    plan.steps.push({ target, outcome: merged ? "merged" : "unchanged" });
  }
  return plan;
}

function factsOf(paper: NewPaper): PaperFacts {
  return {
    arxivId: paper.arxivId ?? null,
    authors: paper.authors ?? [],
    sourceUrl: paper.sourceUrl ?? null,
    pdfUrl: paper.pdfUrl ?? null,
    doi: paper.doi ?? null,
    primaryCategory: paper.primaryCategory ?? null,
    categories: paper.categories ?? [],
    comment: paper.comment ?? null,
    codeUrl: paperCodeUrl(paper),
    keywords: paper.keywords ?? [],
    publishedAt: paper.publishedAt ?? null,
  };
}

function storedPaperOf({
  id,
  titleKey: key,
  authors,
  categories,
  keywords,
  publishedAt,
  ...facts
}: CandidateRow): StoredPaper {
  return {
    kind: "stored",
    id,
    titleKey: key,
    changed: false,
    facts: {
      ...facts,
      authors: parseJsonList(authors),
      categories: parseJsonList(categories),
      keywords: parseJsonList(keywords),
      publishedAt: publishedAt ? new Date(publishedAt) : null,
    },
  };
}
