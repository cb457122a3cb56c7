// Unusable inputs throw one clear ImportFormatError; bad entries become rejections naming position and reason.
import { describe, expect, it } from "vitest";
import { arxivIdFrom } from "../../src/domain/import/arxiv-id";
import { ImportFormatError } from "../../src/domain/import/import-types";
import { parseImport } from "../../src/domain/import/parse-import";
import { fixture } from "../helpers/ingest-fixtures";

const atomFeed = (entries: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${entries}</feed>`;
const entry = (inner: string) => `<entry><id>http://arxiv.org/abs/2501.00001v1</id>${inner}</entry>`;

describe("inputs that are unusable as a whole", () => {
  it.each([
    ["an empty file", "", "auto", /the input is empty/],
    ["only whitespace", "  \n\t\n", "auto", /the input is empty/],
    ["a binary file", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "auto", /binary file/],
    ["truncated XML", fixture("arxiv-api-page.xml").slice(0, 2_000), "auto", /malformed XML .*line \d+/],
    ["XML that is neither Atom nor RSS", "<html><body>Rate limited</body></html>", "auto", /root element <html>/],
    ["malformed JSON", '[{"paper": {"title": "x"', "auto", /malformed JSON/],
    ["a JSON object instead of an array", '{"papers": []}', "auto", /expected a JSON array/],
    ["a JSON array of the wrong items", "[1, 2, 3]", "auto", /no item has a `paper` object/],
    [
      "JSON claimed to be arXiv Atom",
      fixture("hf-daily-papers.json"),
      "arxiv-atom",
      /not an arXiv Atom feed: the content looks like JSON/,
    ],
    [
      "XML claimed to be a text export",
      fixture("arxiv-api-page.xml"),
      "text",
      /not a text export: the content looks like XML/,
    ],
    ["RSS claimed to be Atom", fixture("arxiv-listing-cs-lg.rss"), "arxiv-atom", /root element is not <feed>/],
    ["a text export without an abstract line", "Lonely title", "text", /has no abstract line/],
  ] as const)("%s", (_name, content, format, message) => {
    expect(() => parseImport(content, format)).toThrow(ImportFormatError);
    expect(() => parseImport(content, format)).toThrow(message);
  });

  it("an arXiv API error feed is reported as the API's error", () => {
    const apiError = atomFeed(
      `<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry>`,
    );
    expect(() => parseImport(apiError)).toThrow("the arXiv API answered with an error: incorrect id format for 1234");
  });
});

describe("entries that are rejected one by one, the rest kept", () => {
  it("missing title, missing abstract, empty title, unparseable date and no id each get position and reason", () => {
    const feed = atomFeed(
      [
        entry("<summary>No title here.</summary>"),
        entry("<title>No abstract</title>"),
        entry("<title>   </title><summary>Blank title.</summary>"),
        entry("<title>Bad date</title><summary>Text.</summary><published>next Tuesday</published>"),
        "<entry><title>No id</title><summary>Text.</summary></entry>",
        entry("<title>Fine</title><summary>A valid entry.</summary>"),
      ].join(""),
    );
    const parsed = parseImport(feed);
    expect(parsed.rejections).toEqual([
      { position: 1, reason: "title: missing" },
      { position: 2, reason: "abstract: missing" },
      { position: 3, reason: "title: empty" },
      { position: 4, reason: 'publishedAt: "next Tuesday" is not a date' },
      { position: 5, reason: "id: missing" },
    ]);
    expect(parsed.papers.map((p) => p.title)).toEqual(["Fine"]);
  });

  it("HF items of the wrong shape are rejected with the field named", () => {
    const parsed = parseImport(
      JSON.stringify([
        { paper: { title: "T", summary: "S", upvotes: 3 } },
        { nope: true },
        { paper: { title: 5, summary: "S" } },
      ]),
    );
    expect(parsed.papers).toHaveLength(1);
    expect(parsed.rejections).toEqual([
      { position: 2, reason: "paper: missing (not a daily-papers item)" },
      { position: 3, reason: "paper.title: Invalid input: expected string, received number" },
    ]);
  });

  it("over-long titles are rejected, not truncated", () => {
    const parsed = parseImport(atomFeed(entry(`<title>${"a ".repeat(600)}</title><summary>S</summary>`)));
    expect(parsed.rejections).toEqual([{ position: 1, reason: "title: longer than 1000 characters" }]);
  });
});

describe("hostile strings", () => {
  it("markup stays inert text, control characters are removed, unsafe links and bad ids are dropped", () => {
    const hostile = JSON.stringify([
      {
        paper: {
          id: "javascript:alert(1)",
          title: "<script>alert('x')</script> Attack\u0000 of the\u0007 \u009b Controls",
          summary: "Line one\r\nline two\u000b\u200b with <img src=x onerror=alert(1)>",
          authors: [{ name: "Eve\u0000 <b>Bold</b>" }, { name: "\u0001\u0002" }],
          publishedAt: "2025-01-09T09:00:00.000Z",
          upvotes: -5,
        },
      },
    ]);
    const [paper] = parseImport(hostile).papers;
    expect(paper).toMatchObject({
      title: "<script>alert('x')</script> Attack of the Controls",
      abstract: "Line one line two\u200b with <img src=x onerror=alert(1)>",
      authors: ["Eve <b>Bold</b>"],
      arxivId: null,
      sourceUrl: null,
      pdfUrl: null,
      sourceUpvotes: 0,
    });
    const feed = atomFeed(
      entry(`<title>T</title><summary>S</summary><link rel="alternate" href="javascript:alert(1)"/>`).replace(
        /<id>.*<\/id>/,
        "<id>urn:x</id>",
      ),
    );
    expect(parseImport(feed).papers[0]).toMatchObject({ arxivId: null, sourceUrl: null });
  });
});

describe("arxivIdFrom", () => {
  it.each([
    ["http://arxiv.org/abs/2501.01234v2", "2501.01234"],
    ["https://arxiv.org/pdf/2501.01234", "2501.01234"],
    ["oai:arXiv.org:2501.05472v1", "2501.05472"],
    ["arXiv:0704.0001", "0704.0001"],
    ["http://arxiv.org/abs/hep-th/9711200v3", "hep-th/9711200"],
    ["http://arxiv.org/abs/math.GT/0309136v1", "math.GT/0309136"],
    ["2501.00001", "2501.00001"],
    ["not an id", null],
    ["2501.100000", null],
    ["http://example.com/2501.01234", null],
  ])("%s -> %s", (reference, id) => {
    expect(arxivIdFrom(reference)).toBe(id);
  });
});
