// Builds Atom 1.0 (RFC 4287) documents. Every text goes through xmlText, so titles and abstracts with
// LaTeX, "<", "&" or stray control characters always give well-formed XML.

export interface AtomLink {
  href: string;
  rel?: "alternate" | "self" | "related";
  type?: string;
  title?: string;
}

export interface AtomEntry {
  /** A permanent IRI: the same paper has the same id in every feed and on every request. */
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  summary: string;
  links: AtomLink[];
  authors: string[];
  categories: { term: string; label: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  /** The feed's own URL (rel="self") and the page it mirrors (rel="alternate"). */
  selfUrl: string;
  alternateUrl: string;
  /** Feed-level author: stands in for entries without authors, as Atom requires one for each entry. */
  author: string;
  icon?: string;
  entries: AtomEntry[];
}

/** Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${xmlText(text)}</${name}>`;

function link({ href, rel, type, title }: AtomLink): string {
  const attributes = [`href="${xmlText(href)}"`];
  if (rel) attributes.push(`rel="${rel}"`);
  if (type) attributes.push(`type="${xmlText(type)}"`);
  if (title) attributes.push(`title="${xmlText(title)}"`);
  return `<link ${attributes.join(" ")}/>`;
}

function entryXml(entry: AtomEntry): string {
  return [
    "  <entry>",
    `    ${element("id", entry.id)}`,
    `    ${element("title", entry.title, ' type="text"')}`,
    `    ${element("updated", entry.updated.toISOString())}`,
    ...(entry.published ? [`    ${element("published", entry.published.toISOString())}`] : []),
    ...entry.links.map((l) => `    ${link(l)}`),
    ...entry.authors.map((name) => `    <author>${element("name", name)}</author>`),
    ...entry.categories.map((c) => `    <category term="${xmlText(c.term)}" label="${xmlText(c.label)}"/>`),
    `    ${element("summary", entry.summary, ' type="text"')}`,
    "  </entry>",
  ].join("\n");
}

/** The complete Atom document, UTF-8, entries in the given order. */
export function buildAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element("id", feed.id)}`,
    `  ${element("title", feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${element("subtitle", feed.subtitle, ' type="text"')}`] : []),
    `  ${element("updated", feed.updated.toISOString())}`,
    `  ${link({ href: feed.selfUrl, rel: "self", type: "application/atom+xml" })}`,
    `  ${link({ href: feed.alternateUrl, rel: "alternate", type: "text/html" })}`,
    `  <author>${element("name", feed.author)}</author>`,
    "  <generator>paper-digest</generator>",
    ...(feed.icon ? [`  ${element("icon", feed.icon)}`] : []),
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ].join("\n");
}
