// /topics: every topic with its number of papers, key phrases first, then arXiv categories.
import type { GetServerSideProps } from "next";
import { SitePage } from "@/components/site-page";
import { TopicChips } from "@/components/topic-chips";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import type { TopicCountView } from "@/view-models/feed-page";

export const config = { unstable_runtimeJS: false };

interface Props {
  phrases: TopicCountView[];
  categories: TopicCountView[];
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ res }) => {
  const topics = await (await getStore()).topics.listTopics();
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  const view = ({ slug, label, paperCount }: TopicCountView) => ({ slug, label, paperCount });
  return {
    props: {
      phrases: topics.filter((t) => t.kind !== "category").map(view),
      categories: topics.filter((t) => t.kind === "category").map(view),
      appUrl: env().appUrl,
    },
  };
};

export default function TopicsPage({ phrases, categories, appUrl }: Props) {
  return (
    <SitePage head={{ appUrl, title: "Topics", canonical: "/topics" }}>
      <div className="space-y-6">
        <section className="space-y-1">
          <h1 className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">Topics</h1>
          <p className="text-stone-600 dark:text-stone-400">
            Key phrases found in the papers themselves, with how many papers each one tags.
          </p>
        </section>
        {phrases.length + categories.length === 0 && (
          <p className="rounded-lg border border-stone-200 p-6 text-center dark:border-stone-800">
            No topics yet: they appear once a few dozen papers are in.
          </p>
        )}
        <TopicChips topics={phrases} label="Key phrases" />
        {categories.length > 0 && (
          <section className="space-y-2">
            <h2 className="font-serif text-lg font-semibold">arXiv categories</h2>
            <TopicChips topics={categories} label="arXiv categories" />
          </section>
        )}
      </div>
    </SitePage>
  );
}
