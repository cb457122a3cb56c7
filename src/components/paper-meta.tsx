// Authors, date, category and source position: the facts line under a paper's title.
import type { PaperView } from "@/view-models/paper-view";
import { AuthorLinks } from "./author-links";

const dateFormat = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 26, 2026" from an ISO timestamp. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "A, B, C et al." for long author lists. */
export function authorLine(authors: string[], max = 4): string {
  return authors.length > max ? `${authors.slice(0, max).join(", ")} et al.` : authors.join(", ");
}

export function PaperMeta({ paper }: { paper: PaperView }) {
  const facts = [
    paper.publishedAt ? `Published ${formatDate(paper.publishedAt)}` : `Added ${formatDate(paper.firstSeenAt)}`,
    paper.primaryCategory,
    paper.arxivId ? `arXiv:${paper.arxivId}` : null,
  ].filter((f): f is string => Boolean(f));
  return (
    <div className="mt-1 text-sm text-stone-600 dark:text-stone-400">
      {paper.authors.length > 0 && (
        <p className="text-stone-800 dark:text-stone-200">
          <AuthorLinks authors={paper.authors} max={4} />
        </p>
      )}
      <p>{facts.join(" · ")}</p>
    </div>
  );
}
