import { describe, expect, it } from "vitest";
import { WordTable } from "../../src/domain/related/word-table";

function lookUp(table: WordTable, source: string, start: number, end: number) {
  return table.get(source, start, end, WordTable.hash(source, start, end));
}

describe("the word table", () => {
  it("finds words by their place in a text, through many growths", () => {
    const table = new WordTable();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    words.forEach((word, i) => table.add(word, WordTable.hash(word, 0, word.length), i));
    const text = ` ${words.join(" ")} `;
    let at = 1;
    words.forEach((word, i) => {
      expect(lookUp(table, text, at, at + word.length)).toBe(i);
      at += word.length + 1;
    });
    expect(table.size).toBe(5000);
  });

  it("tells a missing word, a prefix of a known one and an emptied table apart", () => {
    const table = new WordTable();
    table.add("adapter", WordTable.hash("adapter", 0, 7), -1);
    expect(lookUp(table, "the adapter", 4, 11)).toBe(-1);
    expect(lookUp(table, "the adapter", 4, 10)).toBeUndefined();
    expect(lookUp(table, "adapters", 0, 8)).toBeUndefined();
    table.clear();
    expect(lookUp(table, "adapter", 0, 7)).toBeUndefined();
    expect(table.size).toBe(0);
  });
});
