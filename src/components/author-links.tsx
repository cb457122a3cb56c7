// A paper's authors, each a link to their page (/authors/[slug]), shown as the paper writes them.
import { authorKey } from "@/domain/authors/author-key";

export function authorHref(name: string): string {
  return `/authors/${authorKey(name)}`;
}

/** "A, B, C et al." for lists longer than `max`; names with no letters or digits stay plain text. */
export function AuthorLinks({ authors, max }: { authors: string[]; max?: number }) {
  const shown = max !== undefined && authors.length > max ? authors.slice(0, max) : authors;
  return (
    <>
      {shown.map((name, i) => (
        <span key={`${i}-${name}`}>
          {i > 0 && ", "}
          {authorKey(name) ? (
            <a href={authorHref(name)} className="hover:underline">
              {name}
            </a>
          ) : (
            name
          )}
        </span>
      ))}
      {shown.length < authors.length && " et al."}
    </>
  );
}
