// Which papers each author wrote, by author key, with the name as the papers most often write it.
import { authorKey } from "./author-key";

interface AuthorEntry {
  paperIds: number[];
  /** Spellings seen, with how many papers used each. */
  spellings: Map<string, number>;
}

export class AuthorIndex {
  private readonly entries = new Map<string, AuthorEntry>();

  /** Adds one paper's author list (papers are added once each, in id order). */
  addPaper(paperId: number, names: readonly string[]): void {
    const seen = new Set<string>();
    for (const name of names) {
      const key = authorKey(name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      let entry = this.entries.get(key);
      if (!entry) this.entries.set(key, (entry = { paperIds: [], spellings: new Map() }));
      entry.paperIds.push(paperId);
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    }
  }

  /** Ids of the papers by any of these authors (keys), without repeats. */
  papersBy(keys: readonly string[]): number[] {
    const ids = new Set<number>();
    for (const key of keys) for (const id of this.entries.get(key)?.paperIds ?? []) ids.add(id);
    return [...ids];
  }

  /** The author's most used spelling and paper count; null when no paper names them. */
  author(key: string): { key: string; name: string; paperCount: number } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    let name = "";
    let uses = 0;
    for (const [spelling, count] of entry.spellings) if (count > uses) [name, uses] = [spelling, count];
    return { key, name, paperCount: entry.paperIds.length };
  }
}
