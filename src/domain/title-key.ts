// Normalised titles and URL slugs: the same paper from two sources must produce the same key.
import { cleanLatex } from "./latex";

/** Case, punctuation, whitespace, LaTeX and Unicode insensitive key for matching titles. */
export function titleKey(title: string): string {
  return cleanLatex(title)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A readable URL slug, at most ~80 characters, cut at a word boundary. */
export function slugify(title: string, maxLength = 80): string {
  const words = titleKey(title)
    .replace(/[^a-z0-9 ]/g, "")
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || "paper";
}
