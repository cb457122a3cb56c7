// Window tabs (Today / This week / This month / All) and the Trending/New sort, as plain links:
// the selection lives in the URL and works without JavaScript.
import type { FeedSort, FeedWindow } from "@/domain/feed-params";

const WINDOW_LABELS: [FeedWindow, string][] = [
  ["day", "Today"],
  ["week", "This week"],
  ["month", "This month"],
  ["all", "All"],
];

/** A parameter's value; a list repeats the parameter (author=…&author=…). */
export type FeedParamValue = string | readonly string[] | undefined;

export function feedHref(base: string, params: Record<string, FeedParamValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const one of typeof value === "string" ? [value] : (value ?? [])) if (one) search.append(key, one);
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}

interface FeedTabsProps {
  base: string;
  window: FeedWindow;
  sort: FeedSort;
  /** Parameters to keep when switching (q, topic, author). */
  keep: Record<string, FeedParamValue>;
  sorts?: FeedSort[];
}

export function FeedTabs({ base, window, sort, keep, sorts = ["trending", "new"] }: FeedTabsProps) {
  const pill = (active: boolean) =>
    `rounded-full px-3 py-1.5 text-sm font-medium ${active ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900" : "text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"}`;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <nav aria-label="Time window" className="flex flex-wrap gap-1">
        {WINDOW_LABELS.map(([value, label]) => (
          <a
            key={value}
            href={feedHref(base, { ...keep, window: value, sort })}
            aria-current={value === window ? "page" : undefined}
            className={pill(value === window)}
          >
            {label}
          </a>
        ))}
      </nav>
      <nav aria-label="Sort" className="flex gap-1">
        {sorts.map((value) => (
          <a
            key={value}
            href={feedHref(base, { ...keep, window, sort: value })}
            aria-current={value === sort ? "page" : undefined}
            className={pill(value === sort)}
          >
            {value === "trending" ? "Trending" : value === "new" ? "New" : "Relevance"}
          </a>
        ))}
      </nav>
    </div>
  );
}
