// /subscribe: the full subscribe form on its own page (the target of links, of "try again" and of a search's
// "Get this by email", whose query it fills in). Without JavaScript the form posts to this page, which shows
// it again with the error beside it (status 400) when the input is refused.
import type { GetServerSideProps } from "next";
import { SitePage } from "@/components/site-page";
import { SubscribeForm, type SubscribeFormValues, type TopicChoice } from "@/components/subscribe-form";
import { MAX_FILTER_VALUES, topicSlugs } from "@/domain/feed-params";
import { MAX_QUERY_CHARS } from "@/domain/search/sanitize-query";
import { CADENCES, WEEKDAYS } from "@/domain/subscription/saved-query";
import { webRequestOf } from "@/server/platform/http/node-request";
import { isSameOriginPost } from "@/server/platform/http/same-origin-post";
import { handleSubscribe } from "@/server/subscriptions/handle-subscribe";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";

export const config = { unstable_runtimeJS: false };

const CROSS_SITE = { message: "This form was sent from another site, so nothing was changed.", field: null };

interface Props {
  topics: TopicChoice[];
  /** A search carried over from the feed (/subscribe?q=…&topic=…&author=…), or what a refused post held. */
  saved: SubscribeFormValues;
  /** Why the form's own post was refused (the page is shown again with status 400 or 429). */
  error: { message: string; field: string | null } | null;
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  let saved: SubscribeFormValues;
  let error: Props["error"] = null;
  if (req.method === "POST") {
    // The full form posts here without JavaScript: accepted, on to "check your inbox"; refused, shown again.
    const { request, body } = await webRequestOf(req);
    if (!isSameOriginPost(request)) {
      // Another site's form: nothing is read into the store, and nothing of what it sent is shown back.
      res.statusCode = 403;
      return { props: { topics: [], saved: {}, error: CROSS_SITE, appUrl: env().appUrl } };
    }
    const outcome = await handleSubscribe(request, req.headers["user-agent"] ?? null);
    if (outcome.kind === "accepted") return { redirect: { destination: "/subscribe/check-inbox", statusCode: 303 } };
    res.statusCode = outcome.kind === "limited" ? 429 : outcome.status;
    error =
      outcome.kind === "limited"
        ? { message: "Too many subscribe requests. Please try again later.", field: null }
        : { message: outcome.message, field: outcome.field ?? null };
    saved = postedValues(new URLSearchParams(body));
  } else {
    const params = new URL(req.url ?? "/", "http://localhost").searchParams;
    saved = {
      topics: topicSlugs(params.get("topic") ?? undefined),
      query: (params.get("q") ?? "").slice(0, MAX_QUERY_CHARS),
      authors: params.getAll("author").slice(0, MAX_FILTER_VALUES),
    };
  }
  const choices = (await (await getStore()).topics.topicChoices(24)).map(({ slug, label }) => ({ slug, label }));
  // A carried-over topic that is not among the usual choices is offered too, already ticked.
  const topics = [
    ...choices,
    ...(saved.topics ?? [])
      .filter((slug) => !choices.some((c) => c.slug === slug))
      .map((slug) => ({ slug, label: slug })),
  ];
  return { props: { topics, saved, error, appUrl: env().appUrl } };
};

/** What a refused form post held, to fill the form in again (bounded like the post itself). */
function postedValues(form: URLSearchParams): SubscribeFormValues {
  const text = (name: string) => (form.get(name) ?? "").slice(0, 2000);
  const cadence = CADENCES.find((c) => c === form.get("cadence"));
  const weekday = WEEKDAYS.find((d) => d === form.get("weekday"));
  return {
    email: text("email"),
    topics: form.getAll("topics").slice(0, 50),
    query: text("query"),
    authors: [text("authors")],
    ...(cadence ? { cadence } : {}),
    ...(weekday ? { weekday } : {}),
  };
}

export default function SubscribePage({ topics, saved, error, appUrl }: Props) {
  return (
    <SitePage head={{ appUrl, title: "Subscribe to the digest", canonical: "/subscribe" }}>
      <div className="mx-auto max-w-xl space-y-4 py-8">
        <h1 className="font-serif text-2xl font-semibold">Subscribe to the digest</h1>
        <p className="text-stone-600 dark:text-stone-400">
          The trending papers that match what you follow (topics, search words, authors; nothing means everything
          trending), every morning or once a week. Double opt-in; one click to leave.
        </p>
        <SubscribeForm topics={topics} saved={saved} action="/subscribe" error={error} />
      </div>
    </SitePage>
  );
}
