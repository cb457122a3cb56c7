// The feed: trending papers of a time window, searchable, with a subscribe box.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { FeedList } from "@/components/feed-list";
import { FeedTabs, feedHref } from "@/components/feed-tabs";
import { SubscribeForm } from "@/components/subscribe-form";
import { TopicChips } from "@/components/topic-chips";
import { feedAlternates } from "@/domain/feed-links";
import { DEFAULT_WINDOW, FeedQuerySchema, feedQueryInput, type FeedQuery } from "@/domain/feed-params";
import { getDb } from "@/server/db";
import { loadFeed, UnknownTopicError, type FeedView } from "@/server/feed-page";
import { listTopics } from "@/server/search/search-papers";
import { subscribeTopicChoices } from "@/server/subscriptions/topic-choices";
import { VISITOR_COOKIE, visitorIdFromCookieValue } from "@/server/visitor";
import { votedPaperIds } from "@/server/votes";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toUrlParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) search.set(key, first);
  }
  return search;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const parsed = FeedQuerySchema.safeParse(feedQueryInput(toUrlParams(await searchParams)));
  const scope = parsed.success ? { q: parsed.data.q, topic: parsed.data.topic } : {};
  return {
    ...(scope.q ? { title: `Search: ${scope.q}` } : {}),
    alternates: { ...(scope.q || scope.topic ? {} : { canonical: "/" }), types: feedAlternates(scope) },
  };
}

export default async function FeedPage({ searchParams }: { searchParams: SearchParams }) {
  const urlParams = toUrlParams(await searchParams);
  const parsed = FeedQuerySchema.safeParse(feedQueryInput(urlParams));
  const query: FeedQuery = parsed.success ? parsed.data : FeedQuerySchema.parse({});
  const sort = query.sort ?? (query.q ? "relevance" : "trending");
  const db = await getDb();
  let feed: FeedView | null;
  try {
    feed = await loadFeed(db, { ...query, sort }, new Date());
  } catch (error) {
    if (!(error instanceof UnknownTopicError)) throw error;
    feed = null;
  }
  const visitorId = visitorIdFromCookieValue((await cookies()).get(VISITOR_COOKIE)?.value);
  const voted = await votedPaperIds(db, visitorId, feed?.items.map((item) => item.paper.id) ?? []);
  const [topicChoices, topics] = await Promise.all([subscribeTopicChoices(db, 12), listTopics(db)]);
  const keep = { q: query.q, topic: query.topic };
  const returnTo = urlParams.size > 0 ? `/?${urlParams.toString()}` : "/";

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div className="min-w-0 space-y-5">
        <section className="space-y-1">
          <h1 className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">{query.q ? `Papers matching “${query.q}”` : "Trending papers"}</h1>
          {query.q && feed ? (
            <p role="status" className="text-stone-600 dark:text-stone-400">
              {feed.total.toLocaleString("en-US")}
              {feed.totalIsLowerBound ? "+" : ""} {feed.total === 1 ? "paper" : "papers"}
              {feed.correctedQuery ? <> · showing results for <strong>{feed.correctedQuery}</strong></> : null}
            </p>
          ) : (
            <p className="text-stone-600 dark:text-stone-400">Ranked by what readers upvote, open and click, decaying with time. Every card says why it is here.</p>
          )}
        </section>
        {feed?.notice && (
          <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{feed.notice}</p>
        )}
        <TopicChips topics={topics.slice(0, 10)} label="Filter by topic" activeSlug={query.topic} hrefFor={(slug) => feedHref("/", { ...keep, topic: slug === query.topic ? undefined : slug, window: query.window === DEFAULT_WINDOW ? undefined : query.window })} />
        {!parsed.success && (
          <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Some parameters in the address were not understood, so the default feed is shown.
          </p>
        )}
        <FeedTabs base="/" window={query.window} sort={sort} keep={keep} sorts={query.q ? ["relevance", "trending", "new"] : ["trending", "new"]} />
        {feed === null ? (
          <p className="rounded-lg border border-stone-200 p-6 text-center dark:border-stone-800">
            There is no topic called “{query.topic}”.{" "}
            <a className="font-medium text-accent-700 underline dark:text-accent-300" href="/topics">Browse topics</a>
          </p>
        ) : (
          <FeedList
            feed={feed}
            voted={voted}
            returnTo={returnTo}
            emptyAction={query.window !== "all" ? { href: feedHref("/", { ...keep, window: "all", sort }), label: "See all time" } : undefined}
          />
        )}
        {feed?.nextCursor && (
          <nav aria-label="Pages" className="flex justify-center gap-3">
            <a
              className="rounded-full border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              href={feedHref("/", { ...keep, window: query.window === DEFAULT_WINDOW ? undefined : query.window, sort: query.sort, cursor: feed.nextCursor })}
            >
              Next page
            </a>
          </nav>
        )}
      </div>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <SubscribeForm topics={topicChoices} />
      </aside>
    </div>
  );
}
