// The digest template: table layout, inline CSS, 600 px, dark-mode aware, a real text part, escaped content.
import { describe, expect, it } from "vitest";
import { composeDigest, FOLLOWS_NOTHING } from "../../src/domain/digest/compose-digest";
import type { Paper } from "../../src/domain/paper";
import { renderDigestEmail } from "../../src/emails/digest";

const NOW = new Date("2026-11-26T07:00:00Z");
const paper = (id: number, title: string, topics: Paper["topics"] = []): Paper => ({
  id,
  slug: `p${id}`,
  title,
  abstract: "We show that <b>tags</b> & ampersands are escaped. ".repeat(10),
  authors: ["Grace Hopper"],
  arxivId: null,
  sourceUrl: null,
  pdfUrl: null,
  doi: null,
  primaryCategory: null,
  categories: [],
  comment: null,
  codeUrl: null,
  publishedAt: null,
  firstSeenAt: NOW,
  feedAt: NOW,
  sourceName: "arxiv",
  sourceRank: null,
  votes: 0,
  trendKey: -id,
  topics,
});
const candidates = [
  paper(1, "Top <script>alert(1)</script> paper"),
  paper(2, "Quantized things", [{ slug: "quantization", label: "Quantization" }]),
];
const reader = (topicSlugs: string[]) => ({
  follows: { ...FOLLOWS_NOTHING, topicSlugs },
  lastDigestAt: null,
  sentPaperIds: new Set<number>(),
});
// A reader's matches, then (to render both sections) the top paper as a reader following nothing gets it.
const items = [
  ...composeDigest({ candidates, reader: reader(["quantization"]), now: NOW, size: 5 }),
  ...composeDigest({ candidates, reader: reader([]), now: NOW, size: 1 }),
];
const email = renderDigestEmail({
  date: "2026-11-26",
  items,
  recipient: "reader@example.com",
  topicLabels: ["Quantization"],
  appUrl: "https://papers.example.org",
  manageUrl: "https://papers.example.org/subscription?token=1.x",
  unsubscribeUrl: "https://papers.example.org/unsubscribe?token=1.x",
  itemUrl: (item) => `https://papers.example.org/r/${item.paper.id}.sig`,
});

describe("renderDigestEmail", () => {
  it("builds a 600 px table layout with inline styles and no external CSS or scripts", () => {
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('role="presentation"');
    expect(email.html).toContain('width="600"');
    expect(email.html).toContain("max-width:600px");
    expect(email.html).toMatch(/<td style="[^"]*font-family/);
    expect(email.html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(email.html).toContain("Top &lt;script&gt;alert(1)&lt;/script&gt; paper");
  });

  it("is readable in dark mode", () => {
    expect(email.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(email.html).toContain('<meta name="supported-color-schemes" content="light dark">');
    expect(email.html).toContain("@media (prefers-color-scheme: dark)");
  });

  it("has a header with the date and a footer with links and the reason for the mail", () => {
    expect(email.html).toContain("Thursday, 26 November 2026");
    expect(email.html).toContain('href="https://papers.example.org/subscription?token=1.x"');
    expect(email.html).toContain('href="https://papers.example.org/unsubscribe?token=1.x"');
    expect(email.html).toContain("You get this email because reader@example.com subscribed");
    expect(email.subject).toBe("Paper digest, 26 Nov 2026: Quantized things (+1 more)");
  });

  it("has a real plain-text part with every item, its link and the footer links", () => {
    const lines = email.text.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "PAPER DIGEST: Thursday, 26 November 2026",
      "",
      "MATCHING WHAT YOU FOLLOW",
      "",
      "1. Quantized things",
    ]);
    expect(lines).toContain("   https://papers.example.org/r/2.sig");
    expect(lines).toContain("ALSO TRENDING");
    expect(lines).toContain("2. Top <script>alert(1)</script> paper");
    expect(lines).toContain("Unsubscribe: https://papers.example.org/unsubscribe?token=1.x");
    expect(lines).toContain("Change what you follow: https://papers.example.org/subscription?token=1.x");
    expect(email.text).not.toMatch(/<td|&lt;|&amp;/);
    expect(email.text).toContain("Why it's here: Matches your topic Quantization");
  });
});
