// The <head> of a pages-router page (app-router pages get theirs from the Metadata API): title,
// description, canonical URL, Atom feed discovery, and the OpenGraph/Twitter share card.
import Head from "next/head";
import { ATOM_TYPE } from "@/domain/feed-links";
import { SOCIAL_CARD } from "@/domain/paper-share";
import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from "@/domain/site";


export interface PageHeadProps {
  /** Absolute base URL (APP_URL), for canonical and share URLs. */
  appUrl: string;
  /** The page's own title; the site name is appended. Absent: the site title alone. */
  title?: string;
  description?: string;
  /** Site-relative canonical path, when the page has one. */
  canonical?: string;
  /** From feedAlternates(). */
  feeds: Record<string, { url: string; title: string }[]>;
  /** Extra OpenGraph properties (article:published_time, og:type article, …). */
  openGraph?: { type?: "website" | "article"; publishedTime?: string; authors?: string[]; tags?: string[] };
  noIndex?: boolean;
}

export function PageHead({ appUrl, title, description = SITE_DESCRIPTION, canonical, feeds, openGraph = {}, noIndex }: PageHeadProps) {
  const fullTitle = title ? `${title} · ${SITE_NAME}` : SITE_TITLE;
  const shareTitle = title ?? SITE_TITLE;
  const image = `${appUrl}${SOCIAL_CARD.path}`;
  const url = canonical === undefined ? undefined : `${appUrl}${canonical === "/" ? "" : canonical}`;
  return (
    <Head>
      <title>{fullTitle}</title>
      <meta name="description" content={description} />
      {noIndex && <meta name="robots" content="noindex" />}
      {url && <link rel="canonical" href={url} />}
      {(feeds[ATOM_TYPE] ?? []).map((feed) => (
        <link key={feed.url} rel="alternate" type={ATOM_TYPE} href={`${appUrl}${feed.url}`} title={feed.title} />
      ))}
      <meta property="og:type" content={openGraph.type ?? "website"} />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={shareTitle} />
      <meta property="og:description" content={description} />
      {url && <meta property="og:url" content={url} />}
      {openGraph.publishedTime && <meta property="article:published_time" content={openGraph.publishedTime} />}
      {(openGraph.authors ?? []).map((author) => <meta key={`author-${author}`} property="article:author" content={author} />)}
      {(openGraph.tags ?? []).map((tag) => <meta key={`tag-${tag}`} property="article:tag" content={tag} />)}
      <meta property="og:image" content={image} />
      <meta property="og:image:width" content={String(SOCIAL_CARD.width)} />
      <meta property="og:image:height" content={String(SOCIAL_CARD.height)} />
      <meta property="og:image:alt" content={SOCIAL_CARD.alt} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={shareTitle} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={SOCIAL_CARD.alt} />
    </Head>
  );
}
