// /papers/[slug]: a paper's page, with share metadata (OpenGraph, Twitter, canonical URL, JSON-LD
// ScholarlyArticle). The client script adds the visitor's own vote, the vote button's instant update, and counts the view.
import type { GetServerSideProps } from "next";
import { PaperPageView } from "@/components/paper-page-view";
import { notFoundProps, orNotFound, type NotFoundProps } from "@/components/not-found-page";
import { SitePage } from "@/components/site-page";
import { env } from "@/env";
import { paperDetail } from "@/server/papers/paper-detail";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { getStore } from "@/server/store/open-store";
import { paperPage, type PaperPage } from "@/view-models/paper-page";

export const config = { unstable_runtimeJS: false };

interface Props {
  page: PaperPage;
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props | NotFoundProps, { slug: string }> = async ({
  params,
  res,
}) => {
  const store = await getStore();
  const detail = await paperDetail(store, { slug: params?.slug ?? "" }, new Date());
  if (!detail) return notFoundProps(res);
  const appUrl = env().appUrl;
  // The same for every visitor (whether they upvoted it comes from the client script): shared caches may keep it.
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  return { props: { page: paperPage({ ...detail, appUrl }), appUrl } };
};

export default orNotFound(PaperRoute);

function PaperRoute({ page, appUrl }: Props) {
  const { paper, share } = page;
  const head = {
    appUrl,
    title: paper.title,
    description: share.description,
    canonical: `/papers/${paper.slug}`,
    openGraph: {
      type: "article" as const,
      publishedTime: share.publishedTime,
      authors: share.authors,
      tags: share.tags,
    },
  };
  return (
    <SitePage head={head}>
      <PaperPageView page={page} />
    </SitePage>
  );
}
