// The lean XML reader gives fast-xml-parser's exact object for plain documents and steps aside for the
// rest; the faster text hygiene gives the same strings as the plain regular expressions.
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { syntheticAtomPages } from "../../scripts/synthetic-papers";
import { cleanImportedText } from "../../src/domain/import/clean-text";
import { readWithFastXmlParser, REPEATED_ELEMENTS } from "../../src/domain/import/xml-document";
import { readXmlTree } from "../../src/domain/import/xml-tree";
import { normalizeWhitespace } from "../../src/domain/latex";
import { fixture } from "../helpers/ingest-fixtures";

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function randomSource(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
}

/** Same object, same key order (JSON.stringify keeps insertion order). */
function expectSameReading(xml: string): "lean" | "fallback" {
  const lean = readXmlTree(xml, REPEATED_ELEMENTS);
  if (lean === undefined) return "fallback";
  expect(JSON.stringify(lean)).toBe(JSON.stringify(readWithFastXmlParser(xml)));
  return "lean";
}

describe("readXmlTree", () => {
  it("reads the arXiv fixtures and a synthetic API page exactly as fast-xml-parser does", () => {
    for (const name of ["arxiv-api-page.xml", "arxiv-listing-cs-cl.atom", "arxiv-listing-cs-lg.rss"])
      expect(expectSameReading(fixture(name)), name).toBe("lean");
    const [page] = syntheticAtomPages(50, 50);
    expect(expectSameReading(page!.content)).toBe("lean");
  });

  it("keeps entities, CDATA, namespaces, attributes, mixed text and line ends as fast-xml-parser does", () => {
    const xml =
      `<?xml version='1.0' encoding="UTF-8"?>\r\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\r\n` +
      `<entry><title>A &amp; B &lt;i&gt; &quot;q&quot; &apos;a&apos;</title><summary><![CDATA[raw <b>&amp;</b>]]> and text\r</summary>` +
      `<arxiv:primary_category term="cs.LG"\tscheme="x&amp;y"/><link href='http://x/y?a=1&amp;b=2' rel="alternate" /><author>\n <name>N</name>\n</author>` +
      `<arxiv:comment xml:lang="en">12 pages</arxiv:comment><category term="cs.AI"/><empty></empty></entry></feed>\n`;
    expect(expectSameReading(xml)).toBe("lean");
  });

  it("leaves DOCTYPEs, comments, other entities, processing instructions and reserved names to fast-xml-parser", () => {
    for (const xml of [
      `<!DOCTYPE feed [<!ENTITY t "Expanded">]><feed><title>&t;</title></feed>`,
      `<feed><!-- note --><title>T</title></feed>`,
      `<feed><title>caf&#233;</title></feed>`,
      `<feed><?pi data?><title>T</title></feed>`,
      `<feed><constructor>x</constructor></feed>`,
      `<feed><toString>x</toString></feed>`,
      `${"<a>".repeat(101)}deep${"</a>".repeat(101)}`,
    ]) {
      expect(readXmlTree(xml, REPEATED_ELEMENTS), xml.slice(0, 40)).toBeUndefined();
    }
  });

  it("agrees with fast-xml-parser on generated documents", () => {
    const next = randomSource(11);
    const pick = <T>(options: readonly T[]) => options[next(options.length)]!;
    const names = [
      "entry",
      "author",
      "name",
      "category",
      "link",
      "title",
      "summary",
      "arxiv:comment",
      "a:b:c",
      "x",
      "item",
      "dc:creator",
      "x.y-z",
    ];
    const texts = [
      "",
      " ",
      "  \n  ",
      "plain",
      "a &amp; b",
      "&lt;tag&gt;",
      "&#233;",
      "&amp;lt;",
      "x\ty",
      "line\r\nbreak",
      "cr\ronly",
      "a > b",
      "Ünïcödé",
    ];
    const values = ["v", "", "a&amp;b", "x/", "tab\tin", "multi\nline", "q'uote", "sp ace"];
    const attributes = () =>
      Array.from({ length: next(4) }, () => {
        const value = pick(values);
        const quote = value.includes("'") ? '"' : pick(['"', "'"]);
        return `${pick([" ", "\n  ", "\t"])}${pick(["term", "href", "xmlns", "xmlns:arxiv", "xml:lang", "a:b:c"])}${pick(["=", " = "])}${quote}${value}${quote}`;
      }).join("");
    const element = (depth: number): string => {
      const name = pick(names);
      if (next(5) === 0) return `<${name}${attributes()}${pick(["/", " /"])}>`;
      const inner = Array.from({ length: depth > 3 ? next(2) : next(5) }, () => {
        const kind = next(10);
        if (kind < 4) return pick(texts);
        if (kind < 8) return element(depth + 1);
        return pick(["<![CDATA[raw <b>&amp; ]]>", "<![CDATA[]]>", "<!-- c -->"]);
      }).join("");
      return `<${name}${attributes()}>${inner}</${name}${pick(["", " "])}>`;
    };
    const readings = { lean: 0, fallback: 0 };
    for (let n = 0; n < 3_000; n++) {
      const xml =
        pick(["", '<?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0'?>\n"]) +
        pick(["", "\n"]) +
        element(0) +
        pick(["", "\n", "\r\n"]);
      if (XMLValidator.validate(xml) !== true) continue;
      readings[expectSameReading(xml)]++;
    }
    expect(readings.lean).toBeGreaterThan(1_000);
  });
});

describe("text hygiene", () => {
  const whitespace = [
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\u00a0",
    "\u2028",
    "\u3000",
    "\ufeff",
    "\u200b",
    "\v",
    "\f",
    "a",
    "é",
    "e\u0301",
    "\u0007",
    "\u009b",
  ];
  const randomTexts = (seed: number) => {
    const next = randomSource(seed);
    return Array.from({ length: 20_000 }, () =>
      Array.from({ length: next(12) }, () => whitespace[next(whitespace.length)]).join(""),
    );
  };

  it("cleanImportedText equals removing controls, composing and collapsing every whitespace run", () => {
    for (const text of randomTexts(3)) {
      const plain = text
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
        .normalize("NFC")
        .replace(/\s+/g, " ")
        .trim();
      expect(cleanImportedText(text)).toBe(plain);
    }
  });

  it("normalizeWhitespace equals collapsing every whitespace run", () => {
    for (const text of randomTexts(4)) expect(normalizeWhitespace(text)).toBe(text.replace(/\s+/g, " ").trim());
  });
});
