import { describe, expect, it } from "vitest";
import { feedAlternates, feedPath } from "../../src/domain/feed-links";
import type { Paper } from "../../src/domain/paper";
import { paperSourceLinks } from "../../src/domain/paper-links";
import { jsonLdText, paperShareMetadata, scholarlyArticle, shareDescription } from "../../src/domain/paper-share";

const APP = "https://papers.example.org";
const paper: Paper = {
  id: 12,
  slug: "lora-learns-less",
  title: "LoRA Learns Less </script><script>alert(1)</script>",
  abstract: "Low-Rank Adaptation (LoRA) is widely used. ".repeat(10).trim(),
  authors: ["Dan Biderman", "Jose Ortiz"],
  arxivId: "2405.09673",
  sourceUrl: "http://arxiv.org/abs/2405.09673v1",
  pdfUrl: null,
  doi: "10.1000/xyz(1)",
  primaryCategory: "cs.LG",
  categories: ["cs.LG"],
  comment: null,
  codeUrl: null,
  publishedAt: new Date("2024-05-15T00:00:00Z"),
  firstSeenAt: new Date("2026-11-20T00:00:00Z"),
  feedAt: new Date("2024-05-15T00:00:00Z"),
  sourceName: "arxiv",
  sourceRank: null,
  votes: 0,
  trendKey: 0,
  topics: [{ slug: "lora", label: "LoRA" }],
};

describe("paper share metadata", () => {
  const metadata = paperShareMetadata(paper, APP);

  it("has title, a short description and the canonical URL", () => {
    expect(metadata.title).toBe(paper.title);
    expect(metadata.description.length).toBeLessThanOrEqual(200);
    expect(metadata.description.endsWith("…")).toBe(true);
    expect(metadata.alternates.canonical).toBe("https://papers.example.org/papers/lora-learns-less");
  });

  it("has OpenGraph article tags and a large-image Twitter card", () => {
    expect(metadata.openGraph).toMatchObject({
      type: "article",
      url: "https://papers.example.org/papers/lora-learns-less",
      title: paper.title,
      publishedTime: "2024-05-15T00:00:00.000Z",
      authors: ["Dan Biderman", "Jose Ortiz"],
      tags: ["LoRA"],
    });
    expect(metadata.openGraph.images[0]).toMatchObject({
      url: "https://papers.example.org/opengraph-image.png",
      width: 1200,
      height: 630,
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: paper.title });
  });

  it("lets feed readers discover the Atom feed", () => {
    expect(metadata.alternates.types).toEqual({
      "application/atom+xml": [{ url: "/feed.xml", title: "paper-digest: trending papers" }],
    });
    expect(feedAlternates({ topic: "lora" }, "LoRA")["application/atom+xml"]?.[0]).toEqual({
      url: "/feed.xml?topic=lora",
      title: "paper-digest: LoRA",
    });
    expect(feedPath({ q: "low rank" })).toBe("/feed.xml?q=low+rank");
  });
});

describe("ScholarlyArticle JSON-LD", () => {
  it("describes the paper with authors, date, identifiers and links", () => {
    const article = scholarlyArticle(paper, APP);
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      url: "https://papers.example.org/papers/lora-learns-less",
      name: paper.title,
      abstract: paper.abstract,
      datePublished: "2024-05-15T00:00:00.000Z",
      keywords: "LoRA",
      author: [
        { "@type": "Person", name: "Dan Biderman" },
        { "@type": "Person", name: "Jose Ortiz" },
      ],
    });
    expect(article.identifier).toContainEqual({ "@type": "PropertyValue", propertyID: "arXiv", value: "2405.09673" });
    expect(article.sameAs).toEqual(["https://arxiv.org/abs/2405.09673", "https://doi.org/10.1000/xyz(1)"]);
  });

  it("cannot close its script element early, and parses back to the same data", () => {
    const text = jsonLdText(scholarlyArticle(paper, APP));
    expect(text).not.toContain("<");
    expect(text).not.toContain(">");
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(scholarlyArticle(paper, APP))));
  });
});

describe("source links and descriptions", () => {
  it("link arXiv, its PDF and the DOI, without repeating the arXiv page, and never a non-web URL", () => {
    expect(paperSourceLinks(paper).map((l) => l.kind)).toEqual(["arxiv", "pdf", "doi"]);
    expect(
      paperSourceLinks({
        arxivId: null,
        doi: null,
        pdfUrl: "javascript:alert(1)",
        sourceUrl: "https://huggingface.co/papers/1",
      }).map((l) => l.href),
    ).toEqual(["https://huggingface.co/papers/1"]);
  });

  it("cut descriptions at a word boundary", () => {
    expect(shareDescription("short text")).toBe("short text");
    expect(shareDescription("alpha beta gamma delta", 12)).toBe("alpha beta…");
  });
});
