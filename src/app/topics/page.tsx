// /topics: every topic with its number of papers, key phrases first, then arXiv categories.
import type { Metadata } from "next";
import { TopicChips } from "@/components/topic-chips";
import { getStore } from "@/server/store/open-store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  const topics = await (await getStore()).topics.listTopics();
  const phrases = topics.filter((t) => t.kind !== "category");
  const categories = topics.filter((t) => t.kind === "category");
  return (
    <div className="space-y-6">
      <section className="space-y-1">
        <h1 className="font-serif text-2xl font-semibold tracking-tight sm:text-3xl">Topics</h1>
        <p className="text-stone-600 dark:text-stone-400">Key phrases found in the papers themselves, with how many papers each one tags.</p>
      </section>
      {topics.length === 0 && <p className="rounded-lg border border-stone-200 p-6 text-center dark:border-stone-800">No topics yet: they appear once a few dozen papers are in.</p>}
      <TopicChips topics={phrases} label="Key phrases" />
      {categories.length > 0 && (
        <section className="space-y-2">
          <h2 className="font-serif text-lg font-semibold">arXiv categories</h2>
          <TopicChips topics={categories} label="arXiv categories" />
        </section>
      )}
    </div>
  );
}
