// /subscription?token=: the subscriber's settings: current state, topics, pause/resume, unsubscribe, new links.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getStore } from "@/server/store/open-store";
import { findSubscriberByManageToken } from "@/server/subscriptions/find-subscriber";
import { subscriptionView } from "@/server/subscriptions/manage-subscription";
import { ManageActionButton, ManageTopicsForm } from "./manage-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your subscription", robots: { index: false }, referrer: "no-referrer" };

const STATUS_TEXT = {
  pending: "Waiting for you to confirm: open the link in the confirmation email.",
  active: "Active: you get the digest every morning.",
  paused: "Paused: no digests until you resume.",
  unsubscribed: "Unsubscribed: you get no email from us.",
} as const;

const DONE_TEXT: Record<string, string> = {
  topics: "Topics saved.",
  pause: "Digest paused.",
  resume: "Digest resumed.",
  unsubscribe: "You are unsubscribed.",
  rotate: "New links made: links in older emails no longer work. Bookmark this page or use the link in your next digest.",
};

export default async function SubscriptionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token, done } = await searchParams;
  const store = await getStore();
  const row = await findSubscriberByManageToken(store, typeof token === "string" ? token : undefined);
  if (!row) return notFound();
  const view = subscriptionView(row);
  const choices = await store.topics.topicChoices(24);
  const notice = typeof done === "string" ? DONE_TEXT[done] : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6 py-8">
      <div>
        <h1 className="font-serif text-3xl font-semibold">Your subscription</h1>
        <p className="mt-2 text-stone-700 dark:text-stone-300">
          <strong>{view.maskedEmail}</strong> · <span data-testid="subscription-status">{STATUS_TEXT[view.status]}</span>
        </p>
        {notice && <p role="status" className="mt-3 rounded-lg bg-accent-50 px-4 py-2 text-sm text-stone-900 dark:bg-stone-800 dark:text-stone-100">{notice}</p>}
      </div>
      {view.status !== "unsubscribed" && <ManageTopicsForm token={view.token} current={view.topics} choices={choices} />}
      <section className="flex flex-wrap gap-3 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 className="sr-only">Pause or leave</h2>
        {view.status === "active" && <ManageActionButton token={view.token} action="pause" label="Pause the digest" />}
        {view.status === "paused" && <ManageActionButton token={view.token} action="resume" label="Resume the digest" primary />}
        {view.status !== "unsubscribed" ? (
          <ManageActionButton token={view.token} action="unsubscribe" label="Unsubscribe" />
        ) : (
          <a href="/subscribe" className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">Subscribe again</a>
        )}
        <ManageActionButton token={view.token} action="rotate" label="Make new links (old ones stop working)" />
      </section>
    </div>
  );
}
