// arXiv's metadata snapshot, one JSON object per line: wrapped fields, authors_parsed, versions, bad lines.
import { describe, expect, it } from "vitest";
import { detectFormat, parseImport } from "../../src/domain/import/parse-import";
import { fixture } from "../helpers/ingest-fixtures";

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: "2501.00001", title: "T", abstract: "A", ...fields });

describe("arXiv metadata snapshot (JSON lines)", () => {
  it("is detected from its first line", () => {
    expect(detectFormat(fixture("arxiv-metadata-snapshot.jsonl"))).toBe("arxiv-jsonl");
    expect(detectFormat(`${line({})}\n`)).toBe("arxiv-jsonl");
    // A broken first line does not hide the format: it is rejected with its number like any other.
    const brokenFirst = `{"id": "2501.00009", "title": "cut\n${line({})}\n`;
    expect(detectFormat(brokenFirst)).toBe("arxiv-jsonl");
    expect(parseImport(brokenFirst).rejections).toEqual([
      { position: 1, unit: "line", reason: expect.stringMatching(/^not a JSON object/) },
    ]);
    // A JSON object of another shape is still read as (and refused as) a daily-papers file.
    expect(detectFormat('{"items": []}')).toBe("hf-daily");
  });

  it("reads every field, unwrapping titles, authors and abstracts", () => {
    const parsed = parseImport(fixture("arxiv-metadata-snapshot.jsonl"));
    expect(parsed.format).toBe("arxiv-jsonl");
    expect(parsed.papers.map((p) => p.arxivId)).toEqual([
      "0704.0001",
      "0704.0002",
      "math/0406594",
      "1706.03762",
      "0705.0005",
    ]);
    expect(parsed.papers[0]).toEqual({
      title: "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
      abstract: expect.stringMatching(
        /^A fully differential calculation in perturbative quantum chromodynamics is presented for .* accuracy\.$/,
      ),
      authors: ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"],
      arxivId: "0704.0001",
      sourceUrl: "https://arxiv.org/abs/0704.0001",
      pdfUrl: "https://arxiv.org/pdf/0704.0001",
      doi: "10.1103/PhysRevD.76.013009",
      primaryCategory: "hep-ph",
      categories: ["hep-ph"],
      comment: "37 pages, 15 figures; published version",
      publishedAt: new Date("2007-04-02T19:18:42Z"),
    });
    expect(parsed.papers[1]).toMatchObject({
      primaryCategory: "math.CO",
      categories: ["math.CO", "cs.CG"],
      doi: null,
      authors: ["Ileana Streinu", "Louis Theran"],
    });
    expect(parsed.papers[2]).toMatchObject({
      sourceUrl: "https://arxiv.org/abs/math/0406594",
      publishedAt: new Date("2004-06-29T16:22:02Z"),
    });
    // The first version's date is the published date, however many revisions followed.
    expect(parsed.papers[3]).toMatchObject({
      title: "Attention Is All You Need",
      publishedAt: new Date("2017-06-12T17:57:34Z"),
    });
    expect(parsed.papers[3]!.authors).toHaveLength(8);
    expect(parsed.papers[4]).toMatchObject({
      title: "Revisions listed out of order",
      authors: ["John Smith Jr"],
      publishedAt: new Date("2007-05-02T08:30:00Z"),
    });
  });

  it("rejects a bad line with its line number and imports the rest", () => {
    const parsed = parseImport(fixture("arxiv-metadata-snapshot.jsonl"));
    expect(parsed.rejections).toEqual([
      { position: 5, unit: "line", reason: expect.stringMatching(/^not a JSON object: /) },
      { position: 7, unit: "line", reason: "title: missing" },
    ]);
  });

  it("falls back to the authors string and update_date, and names bad fields", () => {
    const parsed = parseImport(
      [
        line({ authors: "A. One, B. Two and C. Three", update_date: "2025-01-02" }),
        line({ id: 7 }),
        line({ versions: [{ version: "v1", created: "someday" }] }),
        "[1, 2]",
      ].join("\r\n"),
      "arxiv-jsonl",
    );
    expect(parsed.papers).toHaveLength(1);
    expect(parsed.papers[0]).toMatchObject({
      authors: ["A. One", "B. Two", "C. Three"],
      publishedAt: new Date("2025-01-02"),
    });
    expect(parsed.rejections).toEqual([
      { position: 2, unit: "line", reason: "id: not text" },
      { position: 3, unit: "line", reason: 'publishedAt: "someday" is not a date' },
      { position: 4, unit: "line", reason: "Invalid input: expected object, received array" },
    ]);
  });
});
