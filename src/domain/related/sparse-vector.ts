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
export function tfidfVector(
  counts: ReadonlyMap<number, number>,
  idf: (term: number) => number,
  maxTerms: number,
): SparseVector {
  const writer = new SignatureWriter();
  const size = Math.min(maxTerms, MAX_SIGNATURE_TERMS);
  const out: SparseVector = {
    terms: new Int32Array(size),
    weights: new Float32Array(size),
    strongest: new Uint8Array(size),
  };
  const kept = writer.write(
    Int32Array.from(counts.keys()),
    Float64Array.from(counts.values()),
    counts.size,
    idf,
    maxTerms,
    out,
    0,
  );
  return {
    terms: out.terms.slice(0, kept),
    weights: out.weights.slice(0, kept),
    strongest: out.strongest.slice(0, kept),
  };
}

/** At most 255 terms, so positions fit the bytes of `strongest`. */
export const MAX_SIGNATURE_TERMS = 255;

/**
 * Computes signatures (what tfidfVector returns) into flat arrays, with scratch space reused from one
 * document to the next: the index files hundreds of thousands of them, and a sort with tuples per
 * document cost more than everything else it does.
 */
export class SignatureWriter {
  private terms = new Int32Array(64);
  private weights = new Float64Array(64);

  /**
   * Writes the signature of a document with `size` distinct terms (`terms[i]` counted `counts[i]` times)
   * at `at` in `out` (each array holding at least min(maxTerms, 255) entries from there); returns how many
   * terms it kept.
   */
  write(
    terms: ArrayLike<number>,
    counts: ArrayLike<number>,
    size: number,
    idf: (term: number) => number,
    maxTerms: number,
    out: SparseVector,
    at: number,
  ): number {
    const limit = Math.min(maxTerms, MAX_SIGNATURE_TERMS);
    if (this.terms.length < limit) [this.terms, this.weights] = [new Int32Array(limit), new Float64Array(limit)];
    const keptTerms = this.terms;
    const keptWeights = this.weights;
    // The strongest `limit` terms, strongest first, then by term id so equal weights truncate the same way every time.
    let kept = 0;
    for (let i = 0; i < size; i++) {
      const count = counts[i]!;
      if (count <= 0) continue;
      const term = terms[i]!;
      const weight = (1 + Math.log(count)) * idf(term);
      let place = kept;
      if (kept === limit) {
        if (!(weight > keptWeights[limit - 1]! || (weight === keptWeights[limit - 1] && term < keptTerms[limit - 1]!)))
          continue;
        place = limit - 1;
      } else kept++;
      for (
        ;
        place > 0 &&
        (weight > keptWeights[place - 1]! || (weight === keptWeights[place - 1] && term < keptTerms[place - 1]!));
        place--
      ) {
        keptTerms[place] = keptTerms[place - 1]!;
        keptWeights[place] = keptWeights[place - 1]!;
      }
      keptTerms[place] = term;
      keptWeights[place] = weight;
    }
    // Then in term order, the order cosine merges in (and the order the length sums in).
    for (let i = 1; i < kept; i++) {
      const term = keptTerms[i]!;
      const weight = keptWeights[i]!;
      let place = i;
      for (; place > 0 && keptTerms[place - 1]! > term; place--) {
        keptTerms[place] = keptTerms[place - 1]!;
        keptWeights[place] = keptWeights[place - 1]!;
      }
      keptTerms[place] = term;
      keptWeights[place] = weight;
    }
    let squares = 0;
    for (let i = 0; i < kept; i++) squares += keptWeights[i]! * keptWeights[i]!;
    const length = Math.sqrt(squares) || 1;
    const { terms: outTerms, weights: outWeights, strongest } = out;
    for (let i = 0; i < kept; i++) {
      outTerms[at + i] = keptTerms[i]!;
      outWeights[at + i] = keptWeights[i]! / length;
    }
    // Positions from the strongest (unit, single-precision) weight down; ties: lower position first.
    for (let i = 0; i < kept; i++) {
      const weight = outWeights[at + i]!;
      let place = i;
      for (; place > 0 && outWeights[at + strongest[at + place - 1]!]! < weight; place--)
        strongest[at + place] = strongest[at + place - 1]!;
      strongest[at + place] = i;
    }
    return kept;
  }
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
