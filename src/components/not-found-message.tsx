// The body of the 404 page (pages/404.tsx).

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="font-mono text-sm text-stone-600 dark:text-stone-400">404</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">We could not find that page</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        The paper or page may have moved, or the address has a typo.
      </p>
      <a
        href="/"
        className="mt-6 inline-block rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700"
      >
        Back to trending papers
      </a>
    </div>
  );
}
