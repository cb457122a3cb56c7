// /subscribe: the full subscribe form on its own page (the target of links, of "try again" and of a search's
// "Get this by email", whose query it fills in).
import type { GetServerSideProps } from "next";
import { SitePage } from "@/components/site-page";
import { SubscribeForm, type TopicChoice } from "@/components/subscribe-form";
import { MAX_FILTER_VALUES, topicSlugs } from "@/domain/feed-params";
import { MAX_QUERY_CHARS } from "@/domain/search/sanitize-query";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";

export const config = { unstable_runtimeJS: false };

interface Props {
  topics: TopicChoice[];
  /** A search carried over from the feed (/subscribe?q=…&topic=…&author=…): "Get this by email". */
  saved: { topics: string[]; query: string; authors: string[] };
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req }) => {
  const params = new URL(req.url ?? "/", "http://localhost").searchParams;
  const saved = {
    topics: topicSlugs(params.get("topic") ?? undefined),
    query: (params.get("q") ?? "").slice(0, MAX_QUERY_CHARS),
    authors: params.getAll("author").slice(0, MAX_FILTER_VALUES),
  };
  const choices = (await (await getStore()).topics.topicChoices(24)).map(({ slug, label }) => ({ slug, label }));
  // A carried-over topic that is not among the usual choices is offered too, already ticked.
  const topics = [
    ...choices,
    ...saved.topics.filter((slug) => !choices.some((c) => c.slug === slug)).map((slug) => ({ slug, label: slug })),
  ];
  return { props: { topics, saved, appUrl: env().appUrl } };
};

export default function SubscribePage({ topics, saved, appUrl }: Props) {
  return (
    <SitePage head={{ appUrl, title: "Subscribe to the digest", canonical: "/subscribe" }}>
      <div className="mx-auto max-w-xl space-y-4 py-8">
        <h1 className="font-serif text-2xl font-semibold">Subscribe to the digest</h1>
        <p className="text-stone-600 dark:text-stone-400">
          The trending papers that match what you follow (topics, search words, authors; nothing means everything
          trending), every morning or once a week. Double opt-in; one click to leave.
        </p>
        <SubscribeForm topics={topics} saved={saved} />
      </div>
    </SitePage>
  );
}
