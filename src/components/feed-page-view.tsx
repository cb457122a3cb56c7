// The feed page (/): heading, topic filter, window and sort tabs, the cards, paging, and the subscribe box.
import { DEFAULT_WINDOW } from "@/domain/feed-params";
import { isScoped } from "@/domain/feed-links";
import type { FeedPage } from "@/view-models/feed-page";
import { CodeFilter } from "./code-link";
import { FeedList } from "./feed-list";
import { FeedTabs, feedHref } from "./feed-tabs";
import { ScopeLinks } from "./scope-links";
import { SubscribeForm } from "./subscribe-form";
import { TopicChips } from "./topic-chips";

const NOTICE_CLASS = "rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100";

export function FeedPageView({ page }: { page: FeedPage }) {
  const { query, sort, feed } = page;
  const keep = { q: query.q, topic: query.topic, author: query.author, has: query.has, like: query.like };
  const scope = { q: query.q, topic: query.topic, author: query.author, has: query.has };
  const window = query.window === DEFAULT_WINDOW ? undefined : query.window;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div className="min-w-0 space-y-5">
        <section className="space-y-1">
          <h1 className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">
            {query.like
              ? "Papers like your text"
              : query.q
                ? `Papers matching “${query.q}”`
                : query.author
                  ? `Papers by ${query.author.join(", ")}`
                  : "Trending papers"}
          </h1>
          {(query.q || query.like) && feed ? (
            <p role="status" className="text-stone-600 dark:text-stone-400">
              {feed.total.toLocaleString("en-US")}
              {feed.totalIsLowerBound ? "+" : ""} {feed.total === 1 ? "paper" : "papers"}
              {feed.correctedQuery ? (
                <>
                  {" "}
                  · showing results for <strong>{feed.correctedQuery}</strong>
                </>
              ) : null}
            </p>
          ) : (
            <p className="text-stone-600 dark:text-stone-400">
              Ranked by what readers upvote, open and click, decaying with time. Every card says why it is here.
            </p>
          )}
        </section>
        {isScoped(scope) && (
          <p className="text-sm text-stone-600 dark:text-stone-400">
            <ScopeLinks scope={scope} emailLabel="Get this by email" testId="get-by-email" />
          </p>
        )}
        {query.like && (
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Most similar first to: “{query.like.length > 160 ? `${query.like.slice(0, 160)}…` : query.like}”
          </p>
        )}
        {feed?.notice && (
          <p role="status" className={NOTICE_CLASS}>
            {feed.notice}
          </p>
        )}
        <TopicChips
          topics={page.topics}
          label="Filter by topic"
          activeSlug={query.topic}
          hrefFor={(slug) => feedHref("/", { ...keep, topic: slug === query.topic ? undefined : slug, window })}
        />
        <CodeFilter
          active={query.has === "code"}
          href={feedHref("/", { ...keep, has: query.has ? undefined : "code", window, sort: query.sort })}
        />
        {!page.understood && (
          <p role="status" className={NOTICE_CLASS}>
            Some parameters in the address were not understood, so the default feed is shown.
          </p>
        )}
        <FeedTabs
          base="/"
          window={query.window}
          sort={sort}
          keep={keep}
          sorts={query.q || query.like ? ["relevance", "trending", "new"] : ["trending", "new"]}
        />
        {feed === null ? (
          <p className="rounded-lg border border-stone-200 p-6 text-center dark:border-stone-800">
            There is no topic called “{query.topic}”.{" "}
            <a className="font-medium text-accent-700 underline dark:text-accent-300" href="/topics">
              Browse topics
            </a>
          </p>
        ) : (
          <FeedList
            feed={feed}
            returnTo={page.returnTo}
            emptyAction={
              query.window !== "all"
                ? { href: feedHref("/", { ...keep, window: "all", sort }), label: "See all time" }
                : undefined
            }
          />
        )}
        {feed?.nextCursor && (
          <nav aria-label="Pages" className="flex justify-center gap-3">
            <a
              className="rounded-full border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              href={feedHref("/", { ...keep, window, sort: query.sort, cursor: feed.nextCursor })}
            >
              Next page
            </a>
          </nav>
        )}
      </div>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <SubscribeForm topics={page.topicChoices} />
      </aside>
    </div>
  );
}
