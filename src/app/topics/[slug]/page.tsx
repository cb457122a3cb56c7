// /topics/[slug]: a topic's papers in trending (or newest) order within a time window.
import type { Metadata } from "next";
import { feedAlternates } from "@/domain/feed-links";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedTabs, feedHref } from "@/components/feed-tabs";
import { PaperCard } from "@/components/paper-card";
import { FEED_WINDOWS, windowStart, type FeedWindow } from "@/domain/feed-params";
import { getStore } from "@/server/store/open-store";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const PAGE_SIZE = 30;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await (await getStore()).topics.topicBySlug((await params).slug);
  if (!topic) return { title: "Topic not found" };
  return {
    title: topic.label,
    description: `Trending papers about ${topic.label}.`,
    alternates: { canonical: `/topics/${topic.slug}`, types: feedAlternates({ topic: topic.slug }, topic.label) },
  };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const store = await getStore();
  const topic = await store.topics.topicBySlug((await params).slug);
  if (!topic) notFound();
  const query = await searchParams;
  // Unknown values fall back to the defaults: a topic page always renders.
  const window: FeedWindow = FEED_WINDOWS.find((w) => w === query.window) ?? "all";
  const sort = query.sort === "new" ? "new" : "trending";
  const { papers, total } = await store.listing.listPapers({ topicId: topic.id, order: sort, since: windowStart(window, new Date()), limit: PAGE_SIZE, offset: 0 });
  const base = `/topics/${topic.slug}`;
  return (
    <div className="space-y-5">
      <section className="space-y-1">
        <p className="text-sm text-stone-600 dark:text-stone-400"><Link href="/topics" className="hover:underline">Topics</Link> /</p>
        <h1 className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">{topic.label}</h1>
        <p className="text-stone-600 dark:text-stone-400">
          {total} {total === 1 ? "paper" : "papers"}
          {topic.aliases.length > 0 && <> · also written {topic.aliases.join(", ")}</>}
          {" · "}
          <Link href={feedHref("/", { topic: topic.slug, window: "all" })} className="font-medium text-accent-700 underline dark:text-accent-300">Search within this topic</Link>
        </p>
      </section>
      <FeedTabs base={base} window={window} sort={sort} keep={{}} />
      {papers.length === 0 ? (
        <p className="rounded-lg border border-stone-200 p-6 text-center dark:border-stone-800">
          No papers on this topic in this window. <Link className="font-medium text-accent-700 underline dark:text-accent-300" href={feedHref(base, { window: "all", sort })}>See all time</Link>
        </p>
      ) : (
        <ol className="space-y-3">
          {papers.map((paper, i) => (
            <li key={paper.id}><PaperCard paper={paper} rank={i + 1} /></li>
          ))}
        </ol>
      )}
    </div>
  );
}
