// The query mix of the scale benchmark, in the synthetic corpus's own words (scripts/synthetic-papers.ts):
// plain queries ask for words of the rare tail (as most real searches do), very common ones for the words
// in nearly every abstract, typo queries misspell both kinds.
import { rareWord } from "../synthetic-papers";

/** One letter dropped from the middle of each word longer than four letters: a typical typo. */
export function withTypo(query: string): string {
  return query
    .split(" ")
    .map((word) => (word.length > 4 ? word.slice(0, 3) + word.slice(4) : word))
    .join(" ");
}

export const PLAIN_QUERIES = [
  rareWord(30),
  rareWord(300),
  rareWord(3_000),
  rareWord(20_000),
  `${rareWord(100)} ${rareWord(1_000)}`,
  `diffusion ${rareWord(500)}`,
  `${rareWord(50)} attention`,
  `${rareWord(7_000)} ${rareWord(12)}`,
];

export const COMMON_QUERIES = ["learning", "neural network", "language model training", "attention transformer"];

export const TYPO_QUERIES = [
  ...PLAIN_QUERIES.slice(0, 4).map(withTypo),
  "difusion",
  "transfomer attention",
  "quantizaton",
  "reinforcment policy",
];

/** Distinct plain queries for load over HTTP: one or two words of the tail, none repeated within a run. */
export function manyPlainQueries(count: number): string[] {
  return Array.from({ length: count }, (_, k) =>
    k % 2 === 0 ? rareWord(7 * k + 1) : `${rareWord(3 * k + 2)} ${rareWord((11 * k) % 5_000)}`,
  );
}

export function manyTypoQueries(count: number): string[] {
  return manyPlainQueries(count).map(withTypo);
}
