// /: the feed. A pages-router page with no client-side React (unstable_runtimeJS: false): the cards are
// plain HTML and the client script (src/client/) adds votes, live search and shortcuts, so the feed is interactive as
// soon as it is painted instead of after a framework has hydrated a hundred links (docs/benchmarks.md,
// Lighthouse).
import type { GetServerSideProps } from "next";
import { FeedPageView } from "@/components/feed-page-view";
import { PageHead } from "@/components/page-head";
import { KEPT_SEARCH_PARAMS, type SearchFormProps } from "@/components/search-form";
import { SiteFrame } from "@/components/site-frame";
import { feedAlternates } from "@/domain/feed-links";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { loadHomePage, type HomePage } from "@/server/home-page";
import { decodeProps, encodeProps, type EncodedProps } from "@/server/page-props";
import { requestParams, requestVisitorId } from "@/server/page-request";

export const config = { unstable_runtimeJS: false };

interface Props {
  page: EncodedProps<HomePage>;
  /** The feed parameters of the address, carried into the next search as they are. */
  keep: SearchFormProps["keep"];
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ query, req }) => {
  const params = requestParams(query);
  const page = await loadHomePage(await getDb(), params, requestVisitorId(req), new Date());
  const keep = Object.fromEntries(KEPT_SEARCH_PARAMS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])));
  return { props: { page: encodeProps(page), keep, appUrl: env().appUrl } };
};

export default function Home(props: Props) {
  const page = decodeProps(props.page);
  const { q, topic } = page.query;
  const scoped = Boolean(q || topic);
  return (
    <>
      <PageHead appUrl={props.appUrl} title={q ? `Search: ${q}` : undefined} canonical={scoped ? undefined : "/"} feeds={feedAlternates({ q, topic })} />
      <SiteFrame search={{ query: q, keep: props.keep }}>
        <FeedPageView page={page} />
      </SiteFrame>
    </>
  );
}
