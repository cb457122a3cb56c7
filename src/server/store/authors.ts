// Authors: who wrote what, matched by normalised name (domain/authors/author-key.ts).

export interface AuthorSummary {
  /** The matching key, also the author page's slug. */
  key: string;
  /** The name as the papers most often write it. */
  name: string;
  paperCount: number;
}

export interface AuthorStore {
  /** Ids of the papers by any of these authors (keys), in no particular order. */
  paperIdsBy(keys: readonly string[]): Promise<number[]>;
  /** One author by key; null when no paper names them (yet). */
  author(key: string): Promise<AuthorSummary | null>;
}
