// /topics/[slug]: a topic's papers in trending (or newest) order within a time window.
import type { GetServerSideProps } from "next";
import { FeedTabs, feedHref } from "@/components/feed-tabs";
import { PaperCard } from "@/components/paper-card";
import { notFoundProps, orNotFound, type NotFoundProps } from "@/components/not-found-page";
import { SitePage } from "@/components/site-page";
import { feedAlternates } from "@/domain/feed-links";
import { FEED_WINDOWS, windowStart, type FeedWindow } from "@/domain/feed-params";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { RETIRED_TOPIC } from "@/server/store/topics";
import { paperView, type PaperView } from "@/view-models/paper-view";

export const config = { unstable_runtimeJS: false };

const PAGE_SIZE = 30;

interface Props {
  topic: { slug: string; label: string; aliases: string[] };
  window: FeedWindow;
  sort: "trending" | "new";
  papers: PaperView[];
  total: number;
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props | NotFoundProps, { slug: string }> = async ({
  params,
  req,
  res,
}) => {
  const store = await getStore();
  const topic = await store.topics.topicBySlug(params?.slug ?? "");
  if (!topic) return notFoundProps(res);
  // A retired topic (a generic word) lives on as a search for its word: old links still lead somewhere.
  if (topic.kind === RETIRED_TOPIC)
    return { redirect: { destination: `/?q=${encodeURIComponent(topic.label)}`, permanent: true } };
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  // Unknown values fall back to the defaults: a topic page always renders.
  const window: FeedWindow = FEED_WINDOWS.find((w) => w === query.get("window")) ?? "all";
  const sort = query.get("sort") === "new" ? "new" : "trending";
  const { papers, total } = await store.listing.listPapers({
    topicId: topic.id,
    order: sort,
    since: windowStart(window, new Date()),
    limit: PAGE_SIZE,
    offset: 0,
  });
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  return {
    props: {
      topic: { slug: topic.slug, label: topic.label, aliases: topic.aliases },
      window,
      sort,
      total,
      papers: papers.map(paperView),
      appUrl: env().appUrl,
    },
  };
};

export default orNotFound(TopicPage);

function TopicPage({ topic, window, sort, papers, total, appUrl }: Props) {
  const base = `/topics/${topic.slug}`;
  const head = {
    appUrl,
    title: topic.label,
    description: `Trending papers about ${topic.label}.`,
    canonical: base,
    feeds: feedAlternates({ topic: topic.slug }, topic.label),
  };
  return (
    <SitePage head={head}>
      <div className="space-y-5">
        <section className="space-y-1">
          <p className="text-sm text-stone-600 dark:text-stone-400">
            <a href="/topics" className="hover:underline">
              Topics
            </a>{" "}
            /
          </p>
          <h1 className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">{topic.label}</h1>
          <p className="text-stone-600 dark:text-stone-400">
            {total} {total === 1 ? "paper" : "papers"}
            {topic.aliases.length > 0 && <> · also written {topic.aliases.join(", ")}</>}
            {" · "}
            <a
              href={feedHref("/", { topic: topic.slug, window: "all" })}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              Search within this topic
            </a>
          </p>
        </section>
        <FeedTabs base={base} window={window} sort={sort} keep={{}} />
        {papers.length === 0 ? (
          <p className="rounded-lg border border-stone-200 p-6 text-center dark:border-stone-800">
            No papers on this topic in this window.{" "}
            <a
              className="font-medium text-accent-700 underline dark:text-accent-300"
              href={feedHref(base, { window: "all", sort })}
            >
              See all time
            </a>
          </p>
        ) : (
          <ol className="space-y-3">
            {papers.map((paper, i) => (
              <li key={paper.id}>
                <PaperCard paper={paper} rank={i + 1} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </SitePage>
  );
}
