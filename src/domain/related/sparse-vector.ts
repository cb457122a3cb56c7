// Unit-length tf-idf vectors over integer term ids, and their cosine similarity.

export interface SparseVector {
  /** Term ids in ascending order. */
  terms: Int32Array;
  /** Weights of `terms`, scaled so the vector has length 1. */
  weights: Float32Array;
  /** Positions in `terms` from the strongest weight down (ties: lower term id first). */
  strongest: Uint8Array;
}

/** Smoothed inverse document frequency: never zero, so a term every paper shares still counts a little. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log((documentCount + 1) / (documentFrequency + 1)) + 1;
}

/**
 * The tf-idf vector of one document: sublinear term frequency (1 + ln tf) times idf, keeping only the
 * `maxTerms` strongest terms (a paper's signature), then scaled to unit length.
 */
export function tfidfVector(counts: ReadonlyMap<number, number>, idf: (term: number) => number, maxTerms: number): SparseVector {
  const weighted: [number, number][] = [];
  for (const [term, count] of counts) if (count > 0) weighted.push([term, (1 + Math.log(count)) * idf(term)]);
  // Strongest first, then by term id so equal weights truncate the same way every time.
  weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  // At most 255 terms, so positions fit the bytes of `strongest`.
  const kept = weighted.slice(0, Math.min(maxTerms, 255)).sort((a, b) => a[0] - b[0]);
  let squares = 0;
  for (const [, weight] of kept) squares += weight * weight;
  const length = Math.sqrt(squares) || 1;
  const terms = Int32Array.from(kept, ([term]) => term);
  const weights = Float32Array.from(kept, ([, weight]) => weight / length);
  const strongest = Uint8Array.from(weights.keys()).sort((a, b) => weights[b]! - weights[a]! || a - b);
  return { terms, weights, strongest };
}

/** Cosine similarity of two unit vectors: a merge over their sorted term ids. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) dot += a.weights[i++]! * b.weights[j++]!;
    else if (ta < tb) i++;
    else j++;
  }
  return dot;
}
