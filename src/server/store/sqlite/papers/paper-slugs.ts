// Unique URL slugs for a batch of new papers: one lookup for the common case, one more per collision.
import { slugify } from "@/domain/title-key";

export interface SlugLookup {
  takenSlugs(slugs: readonly string[]): Set<string>;
  slugsStartingWith(prefix: string): Set<string>;
}

/** A free slug per title, in order; titles that slugify alike get -2, -3, ... */
export function assignSlugs(lookup: SlugLookup, titles: readonly string[]): string[] {
  const bases = titles.map((title) => slugify(title));
  const taken = lookup.takenSlugs([...new Set(bases)]);
  const suffixed = new Map<string, Set<string>>();
  const slugs: string[] = [];
  for (const base of bases) {
    if (!taken.has(base)) {
      taken.add(base);
      slugs.push(base);
      continue;
    }
    let existing = suffixed.get(base);
    if (!existing) {
      existing = lookup.slugsStartingWith(`${base}-`);
      suffixed.set(base, existing);
    }
    let n = 2;
    while (existing.has(`${base}-${n}`) || taken.has(`${base}-${n}`)) n++;
    const slug = `${base}-${n}`;
    existing.add(slug);
    taken.add(slug);
    slugs.push(slug);
  }
  return slugs;
}
