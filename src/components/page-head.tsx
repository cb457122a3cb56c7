// The <head> of every page: title, description, robots and referrer policy, canonical URL, Atom feed
// discovery, and the OpenGraph/Twitter share card for pages that are meant to be shared.
import Head from "next/head";
import { ATOM_TYPE, feedAlternates } from "@/domain/feed-links";
import { SOCIAL_CARD } from "@/domain/paper-share";
import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from "@/domain/site";

export interface PageHeadProps {
  /** Absolute base URL (APP_URL); absent on pages prerendered at build time (404, 500), which get no share card. */
  appUrl?: string;
  /** The page's own title; the site name is appended. Absent: the site title alone. */
  title?: string;
  description?: string;
  /** Site-relative canonical path, when the page has one. */
  canonical?: string;
  /** From feedAlternates(); the trending feed by default. */
  feeds?: Record<string, { url: string; title: string }[]>;
  /** Extra OpenGraph properties (article:published_time, og:type article, …). */
  openGraph?: { type?: "website" | "article"; publishedTime?: string; authors?: string[]; tags?: string[] };
  /** Pages that must stay out of search engines (links carrying a token, form answers, errors). */
  robots?: "noindex" | "noindex, nofollow";
  /** Pages whose URL carries a credential: no Referer leaks it to the next site. */
  noReferrer?: boolean;
}

export function PageHead(props: PageHeadProps) {
  const {
    appUrl,
    title,
    description = SITE_DESCRIPTION,
    canonical,
    feeds = feedAlternates(),
    robots,
    noReferrer,
  } = props;
  const fullTitle = title ? `${title} · ${SITE_NAME}` : SITE_TITLE;
  const base = appUrl ?? "";
  const url =
    appUrl !== undefined && canonical !== undefined ? `${appUrl}${canonical === "/" ? "" : canonical}` : undefined;
  return (
    <Head>
      <title>{fullTitle}</title>
      <meta name="description" content={description} />
      {robots && <meta name="robots" content={robots} />}
      {noReferrer && <meta name="referrer" content="no-referrer" />}
      {url && <link rel="canonical" href={url} />}
      {(feeds[ATOM_TYPE] ?? []).map((feed) => (
        <link key={feed.url} rel="alternate" type={ATOM_TYPE} href={`${base}${feed.url}`} title={feed.title} />
      ))}
      {appUrl !== undefined && !robots && shareTags({ ...props, appUrl, url, description })}
    </Head>
  );
}

/** OpenGraph and Twitter tags: a plain array, because next/head only looks at its direct children. */
function shareTags({
  appUrl,
  title,
  description,
  url,
  openGraph = {},
}: PageHeadProps & { appUrl: string; description: string; url?: string }) {
  const shareTitle = title ?? SITE_TITLE;
  const image = `${appUrl}${SOCIAL_CARD.path}`;
  return [
    <meta key="og:type" property="og:type" content={openGraph.type ?? "website"} />,
    <meta key="og:site_name" property="og:site_name" content={SITE_NAME} />,
    <meta key="og:title" property="og:title" content={shareTitle} />,
    <meta key="og:description" property="og:description" content={description} />,
    url && <meta key="og:url" property="og:url" content={url} />,
    openGraph.publishedTime && (
      <meta key="published" property="article:published_time" content={openGraph.publishedTime} />
    ),
    ...(openGraph.authors ?? []).map((author) => (
      <meta key={`author-${author}`} property="article:author" content={author} />
    )),
    ...(openGraph.tags ?? []).map((tag) => <meta key={`tag-${tag}`} property="article:tag" content={tag} />),
    <meta key="og:image" property="og:image" content={image} />,
    <meta key="og:image:width" property="og:image:width" content={String(SOCIAL_CARD.width)} />,
    <meta key="og:image:height" property="og:image:height" content={String(SOCIAL_CARD.height)} />,
    <meta key="og:image:alt" property="og:image:alt" content={SOCIAL_CARD.alt} />,
    <meta key="twitter:card" name="twitter:card" content="summary_large_image" />,
    <meta key="twitter:title" name="twitter:title" content={shareTitle} />,
    <meta key="twitter:description" name="twitter:description" content={description} />,
    <meta key="twitter:image" name="twitter:image" content={image} />,
    <meta key="twitter:image:alt" name="twitter:image:alt" content={SOCIAL_CARD.alt} />,
  ];
}
