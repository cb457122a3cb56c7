import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildAtom, xmlText } from "../../src/domain/atom";
import type { Paper } from "../../src/domain/paper";
import { paperAtomFeed } from "../../src/domain/paper-atom";

const NOW = new Date("2026-11-26T12:00:00Z");

function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: 7,
    slug: "scaling-laws",
    title: "Scaling Laws",
    abstract: "We study scaling.",
    authors: ["Ada Lovelace", "Alan Turing"],
    arxivId: "2501.00001",
    sourceUrl: null,
    pdfUrl: null,
    doi: null,
    primaryCategory: "cs.LG",
    categories: ["cs.LG"],
    comment: null,
    codeUrl: null,
    publishedAt: new Date("2026-11-20T00:00:00Z"),
    firstSeenAt: new Date("2026-11-21T00:00:00Z"),
    feedAt: new Date("2026-11-20T00:00:00Z"),
    sourceName: "arxiv",
    sourceRank: null,
    votes: 3,
    trendKey: 0,
    topics: [{ slug: "scaling", label: "Scaling" }],
    ...overrides,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "link", "author", "category"].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed;
}

const build = (papers: Paper[], query: { q?: string; topic?: string } = {}) =>
  buildAtom(
    paperAtomFeed({ appUrl: "https://papers.example.org", query: { window: "week", ...query }, papers, now: NOW }),
  );

describe("the Atom feed", () => {
  it("has the feed elements RFC 4287 requires", () => {
    const feed = parse(build([paper()]));
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("tag:papers.example.org,2026:feed");
    expect(feed.title["#text"]).toBe("paper-digest: trending papers");
    expect(feed.updated).toBe("2026-11-20T00:00:00.000Z");
    expect(feed.author[0].name).toBe("paper-digest");
    const links = feed.link.map((l: Record<string, string>) => [l["@rel"], l["@href"]]);
    expect(links).toContainEqual(["self", "https://papers.example.org/feed.xml"]);
    expect(links).toContainEqual(["alternate", "https://papers.example.org/"]);
  });

  it("gives each entry an id, title, updated time, summary, link and authors", () => {
    const [entry] = parse(build([paper()])).entry;
    expect(entry.id).toBe("tag:papers.example.org,2026:paper:7");
    expect(entry.title["#text"]).toBe("Scaling Laws");
    expect(entry.updated).toBe("2026-11-20T00:00:00.000Z");
    expect(entry.published).toBe("2026-11-20T00:00:00.000Z");
    expect(entry.summary["#text"]).toBe("We study scaling.");
    expect(entry.link[0]).toMatchObject({
      "@rel": "alternate",
      "@href": "https://papers.example.org/papers/scaling-laws",
    });
    expect(entry.link[1]).toMatchObject({
      "@rel": "related",
      "@type": "application/pdf",
      "@href": "https://arxiv.org/pdf/2501.00001",
    });
    expect(entry.author.map((a: { name: string }) => a.name)).toEqual(["Ada Lovelace", "Alan Turing"]);
    expect(entry.category[0]).toMatchObject({ "@term": "scaling", "@label": "Scaling" });
  });

  it("escapes <, & and quotes and keeps LaTeX characters as text", () => {
    const title = `Attention <is> all & "more": $O(n^2)$ vs \\mathcal{O}(n) for x<y`;
    const abstract = "We show </summary><evil/> & <b>bold</b> claims \\cite{x} at 90\\% with a\u0007 bell.";
    const xml = build([paper({ title, abstract })]);
    expect(xml).not.toContain("<evil/>");
    expect(xml).not.toContain("<b>");
    const [entry] = parse(xml).entry;
    expect(entry.title["#text"]).toBe(title);
    expect(entry.summary["#text"]).toBe(abstract.replace("\u0007", ""));
  });

  it("names search and topic feeds by their parameters", () => {
    const search = parse(build([paper()], { q: "low rank & <lora>" }));
    expect(search.id).toBe("tag:papers.example.org,2026:feed?q=low+rank+%26+%3Clora%3E");
    expect(search.title["#text"]).toBe("paper-digest: search “low rank & <lora>”");
    const topic = parse(build([paper()], { topic: "scaling" }));
    expect(topic.link.find((l: Record<string, string>) => l["@rel"] === "alternate")["@href"]).toBe(
      "https://papers.example.org/topics/scaling",
    );
  });

  it("is still valid without entries", () => {
    const feed = parse(build([]));
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe(NOW.toISOString());
  });
});

describe("xmlText", () => {
  it("drops characters XML cannot carry", () => {
    expect(xmlText("a\u0000b\u001fc\uFFFEd\uD800e")).toBe("abcde");
  });
});
