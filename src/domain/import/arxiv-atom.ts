// arXiv Atom: API responses (export.arxiv.org/api/query) and the Atom daily listings (rss.arxiv.org/atom/<cat>).
import { z } from "zod";
import { arxivIdFrom } from "./arxiv-id";
import { describeIssues, type EntryOutcome } from "./entry-schema";
import { ImportFormatError, type ParsedImport, type StreamingImportParser } from "./import-types";
import { attributeOf, childOf, textOf } from "./xml-document";
import { xmlFeedParser } from "./xml-feed-parser";
import { arxivLinks, listingAbstract, revisionSkipReason, splitCreators } from "./arxiv-listing";

const xmlText = z
  .unknown()
  .transform(textOf)
  .pipe(z.string({ error: "missing" }));
const optionalXmlText = z.unknown().transform(textOf).pipe(z.string().optional()).optional();

/** The shape of one <entry> after XML parsing. */
export const ArxivAtomEntrySchema = z.object({
  id: xmlText,
  title: optionalXmlText,
  summary: optionalXmlText,
  author: z.array(z.unknown()).default([]),
  creator: z.array(z.unknown()).default([]),
  published: optionalXmlText,
  updated: optionalXmlText,
  primary_category: z.unknown().optional(),
  category: z.array(z.unknown()).default([]),
  link: z.array(z.unknown()).default([]),
  comment: optionalXmlText,
  doi: optionalXmlText,
  announce_type: optionalXmlText,
});

export function arxivAtomParser(): StreamingImportParser {
  return xmlFeedParser({
    element: "entry",
    what: "arXiv Atom feed",
    toPaper: (entry) => {
      if (/\/api\/errors/.test(textOf(childOf(entry, "id")) ?? "")) {
        throw new ImportFormatError(
          `the arXiv API answered with an error: ${textOf(childOf(entry, "summary"))?.trim() ?? "unknown"}`,
        );
      }
      return toPaper(entry);
    },
    readSkeleton: (document) => {
      const feed = childOf(document, "feed");
      if (feed === undefined) throw new ImportFormatError("not an arXiv Atom feed: the root element is not <feed>");
      return { paging: pagingOf(feed) };
    },
  });
}

function toPaper(node: unknown): EntryOutcome {
  const parsed = ArxivAtomEntrySchema.safeParse(node);
  if (!parsed.success) return { reject: describeIssues(parsed.error) };
  const entry = parsed.data;
  const skip = revisionSkipReason(entry.announce_type);
  if (skip) return { skip };
  const arxivId = arxivIdFrom(entry.id);
  const links = entry.link.map((link) => ({
    rel: attributeOf(link, "rel"),
    title: attributeOf(link, "title"),
    href: attributeOf(link, "href"),
  }));
  const names = entry.author.map((author) => textOf(childOf(author, "name")) ?? "");
  const categories = entry.category.map((category) => attributeOf(category, "term") ?? "");
  const creators = entry.creator.flatMap((creator) => splitCreators(textOf(creator) ?? ""));
  return {
    title: entry.title,
    abstract: entry.summary === undefined ? undefined : listingAbstract(entry.summary),
    authors: names.length > 0 ? names : creators,
    arxivId,
    ...arxivLinks(arxivId, links.find((l) => l.rel === "alternate")?.href, links.find((l) => l.title === "pdf")?.href),
    doi: entry.doi,
    // Listing feeds have no primary-category element; arXiv lists the primary category first.
    primaryCategory: attributeOf(entry.primary_category, "term") ?? categories[0],
    categories,
    comment: entry.comment,
    publishedAt: entry.published ?? entry.updated,
  };
}

function pagingOf(feed: unknown): ParsedImport["paging"] {
  const read = (name: string) => Number.parseInt(textOf(childOf(feed, name)) ?? "", 10);
  const [totalResults, startIndex, itemsPerPage] = [read("totalResults"), read("startIndex"), read("itemsPerPage")];
  if ([totalResults, startIndex, itemsPerPage].some(Number.isNaN)) return undefined;
  return { totalResults, startIndex, itemsPerPage };
}
