// /subscribe: the subscribe form on its own page (the target of links and of "try again").
import type { GetServerSideProps } from "next";
import { SitePage } from "@/components/site-page";
import { SubscribeForm, type TopicChoice } from "@/components/subscribe-form";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";

export const config = { unstable_runtimeJS: false };

interface Props {
  topics: TopicChoice[];
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async () => {
  const topics = await (await getStore()).topics.topicChoices(24);
  return { props: { topics: topics.map(({ slug, label }) => ({ slug, label })), appUrl: env().appUrl } };
};

export default function SubscribePage({ topics, appUrl }: Props) {
  return (
    <SitePage head={{ appUrl, title: "Subscribe to the daily digest", canonical: "/subscribe" }}>
      <div className="mx-auto max-w-xl space-y-4 py-8">
        <h1 className="font-serif text-2xl font-semibold">Subscribe to the daily digest</h1>
        <p className="text-stone-600 dark:text-stone-400">
          Every morning, the papers trending in the topics you pick. Double opt-in; one click to leave.
        </p>
        <SubscribeForm topics={topics} />
      </div>
    </SitePage>
  );
}
