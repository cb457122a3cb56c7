// /: the feed, and search results (/?q=…). Like every page, plain HTML without client-side React; the client
// script adds votes, live search and shortcuts (docs/architecture.md, "Pages and the client script").
import type { GetServerSideProps } from "next";
import { FeedPageView } from "@/components/feed-page-view";
import { KEPT_SEARCH_PARAMS, type SearchFormProps } from "@/components/search-form";
import { SitePage } from "@/components/site-page";
import { feedAlternates, isScoped } from "@/domain/feed-links";
import { env } from "@/env";
import { loadHomePage } from "@/server/papers/home-page";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { getStore } from "@/server/store/open-store";
import { feedPage, type FeedPage } from "@/view-models/feed-page";

export const config = { unstable_runtimeJS: false };

interface Props {
  page: FeedPage;
  /** The feed parameters of the address, carried into the next search as they are. */
  keep: NonNullable<SearchFormProps["keep"]>;
  appUrl: string;
}

// The same for every visitor (their votes come from the client script), so shared caches may keep it.
export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const params = new URL(req.url ?? "/", "http://localhost").searchParams;
  const home = await loadHomePage(await getStore(), params, new Date());
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  const keep = Object.fromEntries(
    KEPT_SEARCH_PARAMS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])),
  );
  return { props: { page: feedPage(home), keep, appUrl: env().appUrl } };
};

export default function Home({ page, keep, appUrl }: Props) {
  const { q, topic, author, has, like } = page.query;
  const scoped = isScoped({ q, topic, author, has }) || Boolean(like);
  const head = {
    appUrl,
    title: like ? "Papers like your text" : q ? `Search: ${q}` : undefined,
    canonical: scoped ? undefined : "/",
    feeds: feedAlternates({ q, topic, author, has }),
  };
  return (
    <SitePage head={head} search={{ query: q, keep }}>
      <FeedPageView page={page} />
    </SitePage>
  );
}
