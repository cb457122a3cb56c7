// Folded word → number, looked up by a word's place in a text instead of by a string cut out of it: an
// abstract has ~150 words, nearly all seen before, and slicing each one only to hash it for a Map lookup
// was the index's single largest cost. Open addressing with linear probing over typed arrays.

export class WordTable {
  /** Entry number + 1 per slot (0: empty); a power of two, at most half full. */
  private slots = new Int32Array(1 << 12);
  private words: string[] = [];
  private hashes: Int32Array = new Int32Array(1 << 11);
  private values: Int32Array = new Int32Array(1 << 11);

  get size(): number {
    return this.words.length;
  }

  /** FNV-1a over the UTF-16 code units of source[start, end). */
  static hash(source: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
    return hash;
  }

  /** The value of the word source[start, end) (whose hash is `hash`), or undefined. */
  get(source: string, start: number, end: number, hash: number): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return undefined;
      if (this.hashes[entry] === hash && sameWord(this.words[entry]!, source, start, end)) return this.values[entry];
    }
  }

  /** Adds a word that is not in the table yet. */
  add(word: string, hash: number, value: number): void {
    const entry = this.words.length;
    if (entry === this.hashes.length) {
      this.hashes = doubled(this.hashes);
      this.values = doubled(this.values);
    }
    this.words.push(word);
    this.hashes[entry] = hash;
    this.values[entry] = value;
    if ((entry + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry);
  }

  clear(): void {
    this.slots.fill(0);
    this.words = [];
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let entry = 0; entry < this.words.length; entry++) this.place(entry);
  }
}

function sameWord(word: string, source: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== source.charCodeAt(start + i)) return false;
  return true;
}

function doubled(array: Int32Array): Int32Array {
  const copy = new Int32Array(array.length * 2);
  copy.set(array);
  return copy;
}
