// A feed view (trending, a search or a topic) as an Atom feed: ids are tag: URIs built from the paper id,
// so an entry keeps its id across requests, feeds and changes of rank.
import type { AtomFeed } from "./atom";
import { DEFAULT_WINDOW, type FeedSort, type FeedWindow } from "./feed-params";
import { feedTitle } from "./feed-links";
import type { Paper } from "./paper";
import { paperSourceLinks } from "./paper-links";
import { paperUrl } from "./paper-share";

export interface PaperFeedInput {
  appUrl: string;
  query: {
    q?: string;
    topic?: string;
    author?: readonly string[];
    has?: string;
    like?: string;
    window: FeedWindow;
    sort?: FeedSort;
  };
  topicLabel?: string;
  papers: Paper[];
  now: Date;
}

/** The year in tag: URIs (RFC 4151): when this site began minting them; it must never change. */
const TAG_YEAR = 2026;

export function paperEntryId(host: string, paperId: number): string {
  return `tag:${host},${TAG_YEAR}:paper:${paperId}`;
}

/** The query string that names a feed: only what differs from the defaults, in a fixed order. */
function scopeParams(query: PaperFeedInput["query"]): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.topic) params.set("topic", query.topic);
  for (const name of query.author ?? []) params.append("author", name);
  if (query.has) params.set("has", query.has);
  if (query.like) params.set("like", query.like);
  if (query.window !== DEFAULT_WINDOW) params.set("window", query.window);
  if (query.sort) params.set("sort", query.sort);
  return params;
}

export function paperAtomFeed({ appUrl, query, topicLabel, papers, now }: PaperFeedInput): AtomFeed {
  const host = new URL(appUrl).host;
  const params = scopeParams(query);
  const suffix = params.size > 0 ? `?${params}` : "";
  const pageParams = new URLSearchParams(params);
  // One topic has its own page; several are a filter of the feed page.
  const onTopicPage = Boolean(query.topic && !query.topic.includes(","));
  if (onTopicPage) pageParams.delete("topic");
  const page = onTopicPage ? `/topics/${encodeURIComponent(query.topic!)}` : "/";
  const entries = papers.map((paper) => {
    const updated = paper.publishedAt ?? paper.firstSeenAt;
    const pdf = paperSourceLinks(paper).find((l) => l.kind === "pdf");
    return {
      id: paperEntryId(host, paper.id),
      title: paper.title,
      updated,
      ...(paper.publishedAt ? { published: paper.publishedAt } : {}),
      summary: paper.abstract,
      links: [
        { href: paperUrl(appUrl, paper.slug), rel: "alternate" as const, type: "text/html" },
        ...(pdf ? [{ href: pdf.href, rel: "related" as const, type: "application/pdf", title: "PDF" }] : []),
        ...(paper.codeUrl ? [{ href: paper.codeUrl, rel: "related" as const, type: "text/html", title: "Code" }] : []),
      ],
      authors: paper.authors,
      categories: paper.topics.map((t) => ({ term: t.slug, label: t.label })),
    };
  });
  return {
    id: `tag:${host},${TAG_YEAR}:feed${suffix}`,
    title: feedTitle(query, topicLabel),
    subtitle: query.q
      ? "Search results on paper-digest"
      : query.topic
        ? "Trending papers in this topic on paper-digest"
        : "Trending research papers, explained",
    // The newest entry date, so the feed only looks changed when its papers do.
    updated:
      entries.reduce<Date | null>((latest, e) => (!latest || e.updated > latest ? e.updated : latest), null) ?? now,
    selfUrl: `${appUrl}/feed.xml${suffix}`,
    alternateUrl: `${appUrl}${page}${pageParams.size > 0 ? `?${pageParams}` : ""}`,
    author: "paper-digest",
    icon: `${appUrl}/icon.svg`,
    entries,
  };
}
