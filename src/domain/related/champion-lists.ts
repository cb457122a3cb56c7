// Capped, impact-ordered posting lists ("champion lists"): for each term, only the documents in which it
// weighs most. Finding candidates then costs at most terms × cap, however common a term becomes.

export interface Postings {
  /** Document numbers, strongest weight first. */
  readonly docs: number[];
  readonly weights: number[];
}

export class ChampionLists {
  private readonly lists = new Map<number, Postings>();

  constructor(readonly cap: number) {}

  /** Files a document under a term, if its weight earns a place among the term's strongest `cap`. */
  add(term: number, doc: number, weight: number): void {
    let list = this.lists.get(term);
    if (!list) {
      list = { docs: [], weights: [] };
      this.lists.set(term, list);
    }
    const { docs, weights } = list;
    if (docs.length >= this.cap && weight <= weights[weights.length - 1]!) return;
    // Binary search for the first weaker entry: equal weights keep their arrival order.
    let low = 0;
    let high = weights.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (weights[middle]! >= weight) low = middle + 1;
      else high = middle;
    }
    docs.splice(low, 0, doc);
    weights.splice(low, 0, weight);
    if (docs.length > this.cap) {
      docs.pop();
      weights.pop();
    }
  }

  /** The documents filed under a term, strongest first (read-only; the index owns them). */
  postings(term: number): Postings | undefined {
    return this.lists.get(term);
  }
}
