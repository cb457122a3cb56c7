// /: the feed, and search results (/?q=…). Like every page, plain HTML without client-side React; the client
// script adds votes, live search and shortcuts (docs/architecture.md, "Pages and the client script").
import type { GetServerSideProps } from "next";
import { FeedPageView } from "@/components/feed-page-view";
import { KEPT_SEARCH_PARAMS, type SearchFormProps } from "@/components/search-form";
import { SitePage } from "@/components/site-page";
import { feedAlternates } from "@/domain/feed-links";
import { env } from "@/env";
import { loadHomePage } from "@/server/papers/home-page";
import { VISITOR_COOKIE, visitorIdFromCookieValue } from "@/server/platform/visitor";
import { getStore } from "@/server/store/open-store";
import { feedPage, type FeedPage } from "@/view-models/feed-page";

export const config = { unstable_runtimeJS: false };

interface Props {
  page: FeedPage;
  /** The feed parameters of the address, carried into the next search as they are. */
  keep: NonNullable<SearchFormProps["keep"]>;
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req }) => {
  const params = new URL(req.url ?? "/", "http://localhost").searchParams;
  const visitorId = visitorIdFromCookieValue(req.cookies[VISITOR_COOKIE]);
  const home = await loadHomePage(await getStore(), params, visitorId, new Date());
  const keep = Object.fromEntries(
    KEPT_SEARCH_PARAMS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])),
  );
  return { props: { page: feedPage(home), keep, appUrl: env().appUrl } };
};

export default function Home({ page, keep, appUrl }: Props) {
  const { q, topic, has, like } = page.query;
  const scoped = Boolean(q || topic || has || like);
  const head = {
    appUrl,
    title: like ? "Papers like your text" : q ? `Search: ${q}` : undefined,
    canonical: scoped ? undefined : "/",
    feeds: feedAlternates({ q, topic, has }),
  };
  return (
    <SitePage head={head} search={{ query: q, keep }}>
      <FeedPageView page={page} />
    </SitePage>
  );
}
