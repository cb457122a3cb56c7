// "Related papers" on a paper page: the stored top five by tf-idf similarity, or a quiet note without any.
import type { PaperView } from "@/view-models/paper-view";
import { authorLine, formatDate } from "./paper-meta";

export function RelatedPaperList({ papers }: { papers: PaperView[] }) {
  return (
    <section aria-labelledby="related-heading" className="space-y-3">
      <h2 id="related-heading" className="font-serif text-xl font-semibold">
        Related papers
      </h2>
      {papers.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-400">
          No closely related papers yet; new arrivals are matched as they come in.
        </p>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {papers.map((paper) => (
            <li key={paper.id} className="p-4">
              <a
                href={`/papers/${paper.slug}`}
                className="font-serif text-lg font-semibold leading-snug hover:underline"
              >
                {paper.title}
              </a>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                {[authorLine(paper.authors, 3), formatDate(paper.publishedAt ?? paper.firstSeenAt)]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
