// What a shared paper link previews as: page metadata (title, description, canonical URL, OpenGraph,
// Twitter card, feed discovery) and the schema.org ScholarlyArticle JSON-LD. Pure, so tests can read it.
import { feedAlternates } from "./feed-links";
import type { Paper } from "./paper";
import { paperSourceLinks } from "./paper-links";

const DESCRIPTION_LENGTH = 200;
/** The site's social card (src/app/opengraph-image.png). Set explicitly: a page's own openGraph replaces the layout's. */
export const SOCIAL_CARD = {
  path: "/opengraph-image.png",
  width: 1200,
  height: 630,
  alt: "paper-digest: trending research papers, explained",
};

/** The start of the abstract, cut at a word boundary: what search results and link previews show. */
export function shareDescription(abstract: string, max = DESCRIPTION_LENGTH): string {
  const text = abstract.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

export function paperUrl(appUrl: string, slug: string): string {
  return `${appUrl}/papers/${encodeURIComponent(slug)}`;
}

/** Metadata in the shape Next.js's `generateMetadata` returns (structurally; domain code does not import Next). */
export function paperShareMetadata(paper: Paper, appUrl: string) {
  const url = paperUrl(appUrl, paper.slug);
  const description = shareDescription(paper.abstract);
  const published = (paper.publishedAt ?? paper.firstSeenAt).toISOString();
  const image = {
    url: `${appUrl}${SOCIAL_CARD.path}`,
    width: SOCIAL_CARD.width,
    height: SOCIAL_CARD.height,
    alt: SOCIAL_CARD.alt,
  };
  return {
    title: paper.title,
    description,
    authors: paper.authors.map((name) => ({ name })),
    keywords: paper.topics.map((topic) => topic.label),
    alternates: { canonical: url, types: feedAlternates() },
    openGraph: {
      type: "article" as const,
      url,
      title: paper.title,
      description,
      siteName: "paper-digest",
      publishedTime: published,
      authors: paper.authors,
      tags: paper.topics.map((topic) => topic.label),
      images: [image],
    },
    twitter: { card: "summary_large_image" as const, title: paper.title, description, images: [image] },
  };
}

/** The schema.org ScholarlyArticle of a paper, as a plain object. */
export function scholarlyArticle(paper: Paper, appUrl: string) {
  const url = paperUrl(appUrl, paper.slug);
  const sameAs = paperSourceLinks(paper)
    .filter((link) => link.kind !== "pdf")
    .map((link) => link.href);
  const identifiers = [
    ...(paper.arxivId ? [{ "@type": "PropertyValue", propertyID: "arXiv", value: paper.arxivId }] : []),
    ...(paper.doi ? [{ "@type": "PropertyValue", propertyID: "DOI", value: paper.doi }] : []),
  ];
  return {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    "@id": url,
    url,
    mainEntityOfPage: url,
    headline: paper.title.length > 110 ? `${paper.title.slice(0, 109)}…` : paper.title,
    name: paper.title,
    abstract: paper.abstract,
    description: shareDescription(paper.abstract),
    image: `${appUrl}${SOCIAL_CARD.path}`,
    ...(paper.authors.length > 0 ? { author: paper.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(paper.publishedAt ? { datePublished: paper.publishedAt.toISOString() } : {}),
    ...(paper.topics.length > 0 ? { keywords: paper.topics.map((topic) => topic.label).join(", ") } : {}),
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    isAccessibleForFree: true,
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as \u escapes, so a title
 * containing "</script>" cannot end the script element early.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
