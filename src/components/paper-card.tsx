// One paper in a list: title (to its page), facts, topics, clamped abstract, and slots for the
// trending explanation and the vote button.
import type { ReactNode } from "react";
import type { PaperView } from "@/view-models/paper-view";
import { ClampedAbstract } from "./clamped-abstract";
import { CodeLink } from "./code-link";
import { PaperMeta } from "./paper-meta";
import { TopicChips } from "./topic-chips";

export interface PaperCardProps {
  paper: PaperView;
  /** Position in the list, shown beside the title. */
  rank?: number;
  /** Replaces the plain title text (search results pass a highlighted title). */
  title?: ReactNode;
  /** Shown instead of the clamped abstract (search results pass a snippet around the match). */
  snippet?: ReactNode;
  reasons?: ReactNode;
  actions?: ReactNode;
}

export function PaperCard({ paper, rank, title, snippet, reasons, actions }: PaperCardProps) {
  return (
    <article className="paper-card" aria-labelledby={`paper-${paper.id}-title`}>
      <div className="flex gap-3">
        {rank !== undefined && (
          <span
            className="w-7 shrink-0 pt-0.5 text-right font-mono text-sm text-stone-600 dark:text-stone-400"
            aria-label={`Rank ${rank}`}
          >
            {rank}
          </span>
        )}
        <div className="min-w-0 flex-1">
          <h2
            id={`paper-${paper.id}-title`}
            className="font-serif text-lg font-semibold leading-snug text-stone-900 dark:text-stone-50"
          >
            <a href={`/papers/${paper.slug}`} className="hover:underline">
              {title ?? paper.title}
            </a>
          </h2>
          <PaperMeta paper={paper} />
          {paper.codeUrl && (
            <p className="mt-2">
              <CodeLink href={paper.codeUrl} title={paper.title} />
            </p>
          )}
          {paper.topics.length > 0 && (
            <div className="mt-2">
              <TopicChips topics={paper.topics.slice(0, 4)} label="Topics" />
            </div>
          )}
          {snippet ?? <ClampedAbstract id={String(paper.id)} text={paper.abstract} />}
          {(reasons || actions) && (
            <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-stone-100 pt-3 dark:border-stone-800">
              <div className="min-w-0 text-sm text-stone-600 dark:text-stone-400">{reasons}</div>
              {actions}
            </div>
          )}
        </div>
      </div>
    </article>
  );
}
