// An author's matching key, which is also their page's slug: names match whatever their case, diacritics
// or spacing ("José  García", "jose garcia" and "JOSE GARCÍA" are one author), and are shown as written.
import { topicKey } from "@/domain/digest/digest-topics";

/** "José García" → "jose-garcia"; "" for a name with no letters or digits. */
export function authorKey(name: string): string {
  return topicKey(name);
}

/** The keys of a list of names, without empties or repeats. */
export function authorKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(authorKey).filter((key) => key !== ""))];
}

/** The names in a paper's author list that are among the wanted authors (keys from `authorKeys`). */
export function matchingAuthors(paperAuthors: readonly string[], wantedKeys: ReadonlySet<string>): string[] {
  return paperAuthors.filter((name) => wantedKeys.has(authorKey(name)));
}
