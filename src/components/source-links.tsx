// The paper's sources (arXiv abstract, PDF, DOI, import page) as a short row of outbound links.
import type { SourceLink } from "@/domain/paper-links";

export function SourceLinks({ links }: { links: SourceLink[] }) {
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="sources-heading">
      <h2
        id="sources-heading"
        className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400"
      >
        Read the paper
      </h2>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.kind}>
            <a
              href={link.href}
              rel="noopener"
              className="inline-flex min-h-10 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800"
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
