// arXiv daily listing RSS 2.0 (rss.arxiv.org/rss/<category>): one <item> per announced paper.
import { z } from "zod";
import { arxivIdFrom } from "./arxiv-id";
import { arxivLinks, listingAbstract, revisionSkipReason, splitCreators } from "./arxiv-listing";
import { collectPapers, describeIssues, type ImportedPaperInput } from "./entry-schema";
import { ImportFormatError, type ParsedImport } from "./import-types";
import { childOf, listOf, parseXmlDocument, textOf } from "./xml-document";

const optionalXmlText = z.unknown().transform(textOf).pipe(z.string().optional()).optional();

/** The shape of one <item> after XML parsing. */
export const ArxivRssItemSchema = z.object({
  title: optionalXmlText,
  link: z.array(z.unknown()).default([]),
  description: optionalXmlText,
  guid: optionalXmlText,
  category: z.array(z.unknown()).default([]),
  pubDate: optionalXmlText,
  announce_type: optionalXmlText,
  creator: z.array(z.unknown()).default([]),
});

export function parseArxivRss(xml: string): ParsedImport {
  const document = parseXmlDocument(xml, "arXiv RSS feed");
  const channel = childOf(childOf(document, "rss"), "channel");
  if (!channel || typeof channel !== "object")
    throw new ImportFormatError("not an arXiv RSS feed: no <rss><channel> element");
  return { format: "arxiv-rss", ...collectPapers(listOf(childOf(channel, "item")), toPaper) };
}

function toPaper(node: unknown): ImportedPaperInput | { reject: string } | { skip: string } {
  const parsed = ArxivRssItemSchema.safeParse(node);
  if (!parsed.success) return { reject: describeIssues(parsed.error) };
  const item = parsed.data;
  const skip = revisionSkipReason(item.announce_type);
  if (skip) return { skip };
  const link = item.link.map((l) => textOf(l) ?? "").find(Boolean);
  const arxivId = arxivIdFrom(item.guid ?? "") ?? arxivIdFrom(link ?? "");
  const categories = item.category.map((c) => textOf(c)?.trim() ?? "");
  return {
    title: item.title,
    abstract: item.description === undefined ? undefined : listingAbstract(item.description),
    authors: item.creator.flatMap((creator) => splitCreators(textOf(creator) ?? "")),
    arxivId,
    ...arxivLinks(arxivId, link),
    // The listing has no primary-category field; arXiv lists the primary category first.
    primaryCategory: categories[0],
    categories,
    publishedAt: item.pubDate,
  };
}
