// /subscribe: the subscribe form on its own page (the target of links and of "try again").
import type { Metadata } from "next";
import { SubscribeForm } from "@/components/subscribe-form";
import { getStore } from "@/server/store/open-store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscribe to the daily digest" };

export default async function SubscribePage() {
  const topics = await (await getStore()).topics.topicChoices(24);
  return (
    <div className="mx-auto max-w-xl space-y-4 py-8">
      <h1 className="font-serif text-2xl font-semibold">Subscribe to the daily digest</h1>
      <p className="text-stone-600 dark:text-stone-400">Every morning, the papers trending in the topics you pick. Double opt-in; one click to leave.</p>
      <SubscribeForm topics={topics} />
    </div>
  );
}
