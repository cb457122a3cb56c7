// The search box in the header: a plain GET form to the feed (/?q=…), so search works without JavaScript
// on every page. The client script (src/client/search.ts) adds the rest: results that follow your typing on the feed, "/" to
// focus the box from anywhere, Esc to clear it.
import { HOOKS, SEARCH_INPUT_ID } from "@/domain/page-hooks";

const SEARCH_INPUT_CLASS =
  "w-full rounded-full border border-stone-300 bg-white py-2 pl-4 pr-24 text-sm shadow-sm placeholder:text-stone-500 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/30 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-400";
const SEARCH_BUTTON_CLASS =
  "absolute right-1 top-1 rounded-full bg-stone-900 px-3 py-1 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900";
const SEARCH_PLACEHOLDER = "Search papers or topics  ( / )";

/** Feed parameters a new search keeps (a new query starts again at the first page). */
export const KEPT_SEARCH_PARAMS = ["topic", "window", "sort", "has"] as const;

export interface SearchFormProps {
  /** The current query, shown in the box. */
  query?: string;
  /** The feed's current topic, window and sort, carried into the next search. */
  keep?: Partial<Record<(typeof KEPT_SEARCH_PARAMS)[number], string>>;
}

export function SearchForm({ query, keep = {} }: SearchFormProps) {
  return (
    <form role="search" action="/" method="get" className="relative" {...{ [HOOKS.search]: true }}>
      <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
        Search papers
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        name="q"
        defaultValue={query}
        maxLength={400}
        autoComplete="off"
        spellCheck={false}
        placeholder={SEARCH_PLACEHOLDER}
        className={SEARCH_INPUT_CLASS}
      />
      {KEPT_SEARCH_PARAMS.map((key) =>
        keep[key] ? <input key={key} type="hidden" name={key} value={keep[key]} /> : null,
      )}
      <button type="submit" className={SEARCH_BUTTON_CLASS}>
        Search
      </button>
    </form>
  );
}
