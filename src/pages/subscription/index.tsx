// /subscription?token=: the subscriber's settings: current state, what they follow and when (with the same
// query as a page, a feed and an API call), pause/resume, unsubscribe, new links.
// An unknown, tampered or replaced token gets a helpful page with status 404.
import type { GetServerSideProps } from "next";
import { LinkNotFound } from "@/components/link-not-found";
import { ManageActionButton, ManageFollowForm } from "@/components/manage-forms";
import { authorKey } from "@/domain/authors/author-key";
import { feedPath, scopePath, type FeedScope } from "@/domain/feed-links";
import { WEEKDAY_NAMES, type Cadence, type Weekday } from "@/domain/subscription/saved-query";
import { SitePage } from "@/components/site-page";
import { getStore } from "@/server/store/open-store";
import { findSubscriberByManageToken } from "@/server/subscriptions/find-subscriber";
import { subscriptionView } from "@/server/subscriptions/manage-subscription";

export const config = { unstable_runtimeJS: false };

const STATUS_TEXT = {
  pending: "Waiting for you to confirm: open the link in the confirmation email.",
  active: "Active.",
  paused: "Paused: no digests until you resume.",
  unsubscribed: "Unsubscribed: you get no email from us.",
  suppressed:
    "Stopped: mail to this address bounced, so no digests go to it. Subscribe again with this address and confirm it to start them again.",
} as const;

const DONE_TEXT: Record<string, string> = {
  topics: "Topics saved.",
  follow: "Saved: your next digest follows these settings.",
  pause: "Digest paused.",
  resume: "Digest resumed.",
  unsubscribe: "You are unsubscribed.",
  rotate:
    "New links made: links in older emails no longer work. Bookmark this page or use the link in your next digest.",
};

interface Props {
  /** Null: the link does not work. */
  subscription: {
    maskedEmail: string;
    status: keyof typeof STATUS_TEXT;
    topics: string[];
    query: string;
    authors: string[];
    /** Authors no paper names yet: kept (they may publish tomorrow), and said so. */
    unknownAuthors: string[];
    cadence: Cadence;
    weekday: Weekday;
    /** The same saved query as a page, a feed and an API call. */
    links: { page: string; feed: string; api: string };
    token: string;
    choices: { slug: string; label: string }[];
    notice: string | null;
  } | null;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const store = await getStore();
  const row = await findSubscriberByManageToken(store, query.get("token") ?? undefined);
  if (!row) {
    res.statusCode = 404;
    return { props: { subscription: null } };
  }
  const {
    maskedEmail,
    status: stored,
    suppressed,
    topics,
    query: words,
    authors,
    cadence,
    weekday,
    token,
  } = subscriptionView(row);
  const status = suppressed ? "suppressed" : stored;
  const choices = (await store.topics.topicChoices(24)).map(({ slug, label }) => ({ slug, label }));
  const unknownAuthors: string[] = [];
  for (const name of authors) if (!(await store.authors.author(authorKey(name)))) unknownAuthors.push(name);
  const moved = query.get("moved");
  const done = DONE_TEXT[query.get("done") ?? ""];
  const notice = done
    ? `${done}${moved ? ` “${moved}” is not among our topics, so it was added to your search words.` : ""}`
    : null;
  // Only catalogue slugs make a topic filter; older free-text topics are left out of the links.
  const scope: FeedScope = {
    ...(words ? { q: words } : {}),
    ...(topics.length > 0 ? { topic: topics.filter((t) => /^[a-z0-9.-]+$/.test(t)).join(",") } : {}),
    ...(authors.length > 0 ? { author: authors } : {}),
  };
  const links = { page: scopePath("/", scope), feed: feedPath(scope), api: scopePath("/api/papers", scope) };
  return {
    props: {
      subscription: {
        maskedEmail,
        status,
        topics,
        query: words,
        authors,
        unknownAuthors,
        cadence,
        weekday,
        links,
        token,
        choices,
        notice,
      },
    },
  };
};

export default function SubscriptionPage({ subscription: view }: Props) {
  return (
    <SitePage
      head={{ title: view ? "Your subscription" : "Subscription link not valid", robots: "noindex", noReferrer: true }}
    >
      {view === null ? (
        <LinkNotFound
          heading="This subscription link does not work"
          action={{ href: "/", label: "Back to trending papers" }}
        >
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            It may be incomplete (some mail apps cut long links short) or replaced by newer links. Use the “Manage
            subscription” link in your most recent digest.
          </p>
        </LinkNotFound>
      ) : (
        <div className="mx-auto max-w-2xl space-y-6 py-8">
          <div>
            <h1 className="font-serif text-3xl font-semibold">Your subscription</h1>
            <p className="mt-2 text-stone-700 dark:text-stone-300">
              <strong>{view.maskedEmail}</strong> ·{" "}
              <span data-testid="subscription-status">{STATUS_TEXT[view.status]}</span>
              {view.status !== "unsubscribed" && (
                <span data-testid="subscription-cadence">
                  {" "}
                  {view.cadence === "weekly" ? `Weekly, on ${WEEKDAY_NAMES[view.weekday]}s.` : "Daily, every morning."}
                </span>
              )}
            </p>
            {view.notice && (
              <p
                role="status"
                className="mt-3 rounded-lg bg-accent-50 px-4 py-2 text-sm text-stone-900 dark:bg-stone-800 dark:text-stone-100"
              >
                {view.notice}
              </p>
            )}
          </div>
          {view.status !== "unsubscribed" && (
            <>
              <ManageFollowForm
                token={view.token}
                current={{
                  topics: view.topics,
                  query: view.query,
                  authors: view.authors,
                  cadence: view.cadence,
                  weekday: view.weekday,
                }}
                choices={view.choices}
              />
              {view.unknownAuthors.length > 0 && (
                <p data-testid="unknown-authors" className="text-sm text-stone-700 dark:text-stone-300">
                  No paper here names {view.unknownAuthors.map((name) => `“${name}”`).join(", ")} yet. We keep{" "}
                  {view.unknownAuthors.length === 1 ? "this author" : "these authors"}: their papers will match once
                  they appear.
                </p>
              )}
              <section className="rounded-xl border border-stone-200 bg-white p-5 text-sm dark:border-stone-800 dark:bg-stone-900">
                <h2 className="font-serif text-lg font-semibold">The same query elsewhere</h2>
                <ul className="mt-2 space-y-1">
                  <li>
                    On the site:{" "}
                    <a href={view.links.page} className="break-all text-accent-700 underline dark:text-accent-300">
                      {view.links.page}
                    </a>
                  </li>
                  <li>
                    Atom feed:{" "}
                    <a
                      href={view.links.feed}
                      data-testid="query-feed-link"
                      className="break-all text-accent-700 underline dark:text-accent-300"
                    >
                      {view.links.feed}
                    </a>
                  </li>
                  <li>
                    API:{" "}
                    <a
                      href={view.links.api}
                      data-testid="query-api-link"
                      className="break-all text-accent-700 underline dark:text-accent-300"
                    >
                      {view.links.api}
                    </a>
                  </li>
                </ul>
              </section>
            </>
          )}
          <section className="flex flex-wrap gap-3 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
            <h2 className="sr-only">Pause or leave</h2>
            {view.status === "active" && (
              <ManageActionButton token={view.token} action="pause" label="Pause the digest" />
            )}
            {view.status === "suppressed" && (
              <a
                href="/subscribe"
                className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700"
              >
                Confirm this address again
              </a>
            )}
            {view.status === "paused" && (
              <ManageActionButton token={view.token} action="resume" label="Resume the digest" primary />
            )}
            {view.status !== "unsubscribed" ? (
              <ManageActionButton token={view.token} action="unsubscribe" label="Unsubscribe" />
            ) : (
              <a
                href="/subscribe"
                className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700"
              >
                Subscribe again
              </a>
            )}
            <ManageActionButton token={view.token} action="rotate" label="Make new links (old ones stop working)" />
          </section>
        </div>
      )}
    </SitePage>
  );
}
