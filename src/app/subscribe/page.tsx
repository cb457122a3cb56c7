// /subscribe: the subscribe form on its own page (the target of links and of "try again").
import type { Metadata } from "next";
import { SubscribeForm } from "@/components/subscribe-form";
import { getDb } from "@/server/db";
import { subscribeTopicChoices } from "@/server/subscriptions/topic-choices";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscribe to the daily digest" };

export default async function SubscribePage() {
  const topics = await subscribeTopicChoices(await getDb());
  return (
    <div className="mx-auto max-w-xl py-8">
      <SubscribeForm topics={topics} />
    </div>
  );
}
