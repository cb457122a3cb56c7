// The header on every page: product name, search, and the subscribe call to action.
import type { ReactNode } from "react";

export function SiteHeader({ search }: { search?: ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-900/90">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3">
        <a href="/" className="flex items-center gap-2 font-serif text-xl font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="inline-block h-6 w-6 rounded bg-accent-600 text-center text-sm leading-6 text-white"
          >
            p
          </span>
          paper-digest
        </a>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm text-stone-700 dark:text-stone-300">
          <a href="/topics" className="hover:underline">
            Topics
          </a>
          <a href="/digest" className="hover:underline">
            Digest
          </a>
        </nav>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">{search}</div>
        <a
          href="/#subscribe"
          className="ml-auto rounded-full bg-accent-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700 sm:ml-0"
        >
          Get the daily email
        </a>
      </div>
    </header>
  );
}
