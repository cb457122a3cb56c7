// The search box as plain HTML: a GET form to the feed. Shown until the live SearchBox is ready
// (its Suspense fallback), so the search works for visitors without JavaScript on every page.

export const SEARCH_INPUT_CLASS =
  "w-full rounded-full border border-stone-300 bg-white py-2 pl-4 pr-24 text-sm shadow-sm placeholder:text-stone-500 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/30 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-400";
export const SEARCH_BUTTON_CLASS =
  "absolute right-1 top-1 rounded-full bg-stone-900 px-3 py-1 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900";
export const SEARCH_PLACEHOLDER = "Search papers or topics  ( / )";

export function SearchFormStatic() {
  return (
    <form role="search" action="/" method="get" className="relative">
      <label htmlFor="site-search" className="sr-only">Search papers</label>
      <input id="site-search" type="search" name="q" maxLength={400} autoComplete="off" spellCheck={false} placeholder={SEARCH_PLACEHOLDER} className={SEARCH_INPUT_CLASS} />
      <button type="submit" className={SEARCH_BUTTON_CLASS}>Search</button>
    </form>
  );
}
