import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTextExport, TextExportError } from "../../src/domain/text-export";

const HEADER = "Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n";

describe("parseTextExport", () => {
  it("reads the shipped sample: 210 papers, the first title freed from 'Subscribe', ranks in order", () => {
    const entries = parseTextExport(fs.readFileSync("prisma/sample-papers.txt", "utf8"));
    expect(entries).toHaveLength(210);
    expect(entries[0]).toMatchObject({
      title: "Activation Space Selectable Kolmogorov-Arnold Networks",
      rank: 1,
      line: 3,
    });
    expect(entries[0]!.abstract.startsWith("The multilayer perceptron (MLP)")).toBe(true);
    expect(entries[209]!.rank).toBe(210);
    expect(entries.every((e) => e.title.length > 0 && e.abstract.length > 0)).toBe(true);
  });

  it("handles the glued Subscribe and a missing final newline", () => {
    const entries = parseTextExport(`${HEADER}SubscribeFirst Title\nFirst abstract.\nSecond Title\nSecond abstract.`);
    expect(entries.map((e) => [e.title, e.abstract, e.rank])).toEqual([
      ["First Title", "First abstract.", 1],
      ["Second Title", "Second abstract.", 2],
    ]);
  });

  it("accepts CRLF line ends and blank lines between pairs", () => {
    const entries = parseTextExport(
      `${HEADER}SubscribeA\r\nAbstract A\r\n\r\n\r\nB\r\nAbstract B\r\n`.replace(/\n(?!\r)/g, "\r\n"),
    );
    expect(entries.map((e) => e.title)).toEqual(["A", "B"]);
    expect(entries[1]!.abstract).toBe("Abstract B");
  });

  it("reads an export without the header lines", () => {
    expect(parseTextExport("Only Title\nOnly abstract").map((e) => e.title)).toEqual(["Only Title"]);
  });

  it("names the line of a title that has no abstract", () => {
    const parse = () => parseTextExport(`${HEADER}SubscribeA\nAbstract A\nLonely title`);
    expect(parse).toThrow(TextExportError);
    expect(parse).toThrow(/line 5: the title "Lonely title" has no abstract line after it/);
  });

  it("rejects an empty file and a file with only headers", () => {
    expect(() => parseTextExport("")).toThrow(/empty/);
    expect(() => parseTextExport("  \n\n")).toThrow(/empty/);
    expect(() => parseTextExport(HEADER)).toThrow(/no papers/);
  });
});
