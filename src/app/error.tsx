"use client";
// The error state of any page: says what happened in plain words and offers a retry, in the product's look.
// Next.js shows it in place of the page when rendering throws; the digest helps match the server log.
import Link from "next/link";
import { useEffect, useRef } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Keyboard and screen-reader users land on the message instead of wherever focus was.
    heading.current?.focus();
  }, []);
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <p className="font-mono text-sm text-stone-600 dark:text-stone-400">Something went wrong</p>
      <h1 ref={heading} tabIndex={-1} className="mt-2 font-serif text-3xl font-semibold">This page could not be loaded</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        It is probably a passing problem on our side. Try again, or go back to the trending papers.
      </p>
      {error.digest && <p className="mt-2 font-mono text-xs text-stone-600 dark:text-stone-400">Reference: {error.digest}</p>}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
          Try again
        </button>
        <Link href="/" className="rounded-full border border-stone-300 px-5 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Trending papers
        </Link>
      </div>
    </div>
  );
}
