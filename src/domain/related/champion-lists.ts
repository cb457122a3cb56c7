// Capped, impact-ordered posting lists ("champion lists"): for each term, only the documents in which it
// weighs most. Finding candidates then costs at most terms × cap, however common a term becomes.

export interface Postings {
  /** Document numbers, strongest weight first. */
  readonly docs: number[];
  readonly weights: number[];
}

export class ChampionLists {
  /** Indexed by term id (ids are small and dense: a Map lookup per posting cost more than the posting). */
  private readonly lists: (Postings | undefined)[] = [];

  constructor(readonly cap: number) {}

  /** Files a document under a term, if its weight earns a place among the term's strongest `cap`. */
  add(term: number, doc: number, weight: number): void {
    let list = this.lists[term];
    if (!list) {
      while (this.lists.length < term) this.lists.push(undefined);
      list = { docs: [], weights: [] };
      this.lists[term] = list;
    }
    const { docs, weights } = list;
    const full = docs.length >= this.cap;
    if (full && weight <= weights[weights.length - 1]!) return;
    // Binary search for the first weaker entry: equal weights keep their arrival order.
    let low = 0;
    let high = weights.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (weights[middle]! >= weight) low = middle + 1;
      else high = middle;
    }
    // Shift the weaker entries down by one (a full list drops its weakest) without resizing the arrays.
    let at = full ? docs.length - 1 : docs.length;
    if (!full) {
      docs.push(doc);
      weights.push(weight);
    }
    for (; at > low; at--) {
      docs[at] = docs[at - 1]!;
      weights[at] = weights[at - 1]!;
    }
    docs[low] = doc;
    weights[low] = weight;
  }

  /** The documents filed under a term, strongest first (read-only; the index owns them). */
  postings(term: number): Postings | undefined {
    return this.lists[term];
  }
}
