// Typed arrays that grow by doubling: the related index keeps per-term and per-paper data in flat typed
// arrays (a Map or a small array per paper cost more in lookups and garbage collection than the arithmetic).

/** A copy of `array` with room for at least `needed` entries (twice as many, so growing stays amortised O(1)). */
export function grown<T extends Int32Array | Float64Array | Float32Array | Uint8Array>(array: T, needed: number): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2, 16));
  copy.set(array);
  return copy;
}
