// The loading state: a skeleton of the feed (heading, tabs, cards) so the page keeps its shape while
// papers load. Announced once to screen readers; the grey blocks themselves are hidden from them.
const CARDS = [0, 1, 2, 3, 4];

export default function Loading() {
  return (
    <div className="space-y-5" aria-busy="true">
      <p role="status" className="sr-only">Loading papers…</p>
      <div aria-hidden="true" className="space-y-5 motion-safe:animate-pulse">
        <div className="space-y-2">
          <div className="h-8 w-64 rounded bg-stone-200 dark:bg-stone-800" />
          <div className="h-4 w-full max-w-xl rounded bg-stone-200 dark:bg-stone-800" />
        </div>
        <div className="flex gap-2">
          {[0, 1, 2, 3].map((tab) => (
            <div key={tab} className="h-9 w-20 rounded-full bg-stone-200 dark:bg-stone-800" />
          ))}
        </div>
        <ol className="space-y-3">
          {CARDS.map((card) => (
            <li key={card} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900">
              <div className="flex gap-3">
                <div className="h-4 w-7 rounded bg-stone-200 dark:bg-stone-800" />
                <div className="flex-1 space-y-2">
                  <div className="h-5 w-4/5 rounded bg-stone-200 dark:bg-stone-800" />
                  <div className="h-4 w-1/2 rounded bg-stone-100 dark:bg-stone-800" />
                  <div className="h-4 w-full rounded bg-stone-100 dark:bg-stone-800" />
                  <div className="h-4 w-11/12 rounded bg-stone-100 dark:bg-stone-800" />
                </div>
              </div>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
