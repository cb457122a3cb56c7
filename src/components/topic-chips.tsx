// A row of topic links: on the feed (filters by topic), on cards and in empty states (suggestions).
// Plain anchors, not next/link: dozens per page would each hydrate and prefetch for little gain.
import type { TopicRef } from "@/domain/paper";

export interface TopicChipsProps {
  topics: readonly (TopicRef & { paperCount?: number })[];
  /** Accessible name of the list, e.g. "Topics" or "Try a nearby topic". */
  label: string;
  /** The topic currently filtering the page, shown as selected. */
  activeSlug?: string;
  /** Where a chip leads; defaults to the topic's page. */
  hrefFor?: (slug: string) => string;
}

export function TopicChips({ topics, label, activeSlug, hrefFor = (slug) => `/topics/${slug}` }: TopicChipsProps) {
  if (topics.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={label}>
      {topics.map((topic) => {
        const active = topic.slug === activeSlug;
        return (
          <li key={topic.slug}>
            <a href={hrefFor(topic.slug)} aria-current={active ? "page" : undefined} className="topic-chip">
              {topic.label}
              {topic.paperCount !== undefined && <span className="ml-1 font-normal">{topic.paperCount}</span>}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
