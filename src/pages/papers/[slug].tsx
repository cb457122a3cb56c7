// /papers/[slug]: a paper's page, with share metadata (OpenGraph, Twitter, canonical URL, JSON-LD
// ScholarlyArticle). Like the feed, plain HTML without client-side React; the client script (src/client/) adds the
// vote button's instant update and counts the view.
import type { GetServerSideProps } from "next";
import { PageHead } from "@/components/page-head";
import { PaperPageView } from "@/components/paper-page-view";
import { SiteFrame } from "@/components/site-frame";
import { feedAlternates } from "@/domain/feed-links";
import { jsonLdText, paperShareMetadata, scholarlyArticle } from "@/domain/paper-share";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { decodeProps, encodeProps, type EncodedProps } from "@/server/page-props";
import { requestVisitorId } from "@/server/page-request";
import { paperDetail, type PaperDetail } from "@/server/paper-detail";
import { votedPaperIds } from "@/server/votes";

export const config = { unstable_runtimeJS: false };

interface Props {
  detail: EncodedProps<PaperDetail>;
  voted: boolean;
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props, { slug: string }> = async ({ params, req }) => {
  const db = await getDb();
  const detail = await paperDetail(db, { slug: params?.slug ?? "" }, new Date());
  if (!detail) return { notFound: true };
  const voted = (await votedPaperIds(db, requestVisitorId(req), [detail.paper.id])).has(detail.paper.id);
  return { props: { detail: encodeProps(detail), voted, appUrl: env().appUrl } };
};

export default function PaperPage(props: Props) {
  const detail = decodeProps(props.detail);
  const { paper } = detail;
  const share = paperShareMetadata(paper, props.appUrl);
  return (
    <>
      <PageHead
        appUrl={props.appUrl}
        title={paper.title}
        description={share.description}
        canonical={`/papers/${paper.slug}`}
        feeds={feedAlternates()}
        openGraph={{ type: "article", publishedTime: share.openGraph.publishedTime, authors: share.openGraph.authors, tags: share.openGraph.tags }}
      />
      <SiteFrame>
        <PaperPageView detail={detail} voted={props.voted} jsonLd={jsonLdText(scholarlyArticle(paper, props.appUrl))} />
      </SiteFrame>
    </>
  );
}
