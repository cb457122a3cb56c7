// The body of the error pages (pages/500.tsx, pages/_error.tsx): what happened in plain words and a way on.
// Served at the failing address, so "Try again" is a link to that same address (href=""): no script needed.

export function ErrorMessage({ heading, explanation }: { heading: string; explanation: string }) {
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <p className="font-mono text-sm text-stone-600 dark:text-stone-400">Something went wrong</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">{heading}</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">{explanation}</p>
      <div className="mt-6 flex justify-center gap-3">
        <a href="" className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
          Try again
        </a>
        <a
          href="/"
          className="rounded-full border border-stone-300 px-5 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Trending papers
        </a>
      </div>
    </div>
  );
}
