// Authors, date, category and source position: the facts line under a paper's title.
import type { Paper } from "@/domain/paper";

const dateFormat = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "A, B, C et al." for long author lists. */
export function authorLine(authors: string[], max = 4): string {
  return authors.length > max ? `${authors.slice(0, max).join(", ")} et al.` : authors.join(", ");
}

export function PaperMeta({ paper }: { paper: Paper }) {
  const facts = [
    paper.publishedAt ? `Published ${formatDate(paper.publishedAt)}` : `Added ${formatDate(paper.firstSeenAt)}`,
    paper.primaryCategory,
    paper.arxivId ? `arXiv:${paper.arxivId}` : null,
  ].filter((f): f is string => Boolean(f));
  return (
    <div className="mt-1 text-sm text-stone-600 dark:text-stone-400">
      {paper.authors.length > 0 && <p className="text-stone-800 dark:text-stone-200">{authorLine(paper.authors)}</p>}
      <p>{facts.join(" · ")}</p>
    </div>
  );
}
