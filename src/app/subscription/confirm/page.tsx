// /subscription/confirm?token=: confirms a double opt-in from the emailed link and says what happens next.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";
import { confirmSubscription } from "@/server/subscriptions/confirm-subscription";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscription confirmed", robots: { index: false }, referrer: "no-referrer" };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const outcome = await confirmSubscription({ store: await getStore(), token: typeof token === "string" ? token : undefined, now: new Date(), appUrl: env().appUrl });
  // Unknown, tampered and expired links all get the segment's helpful 404 page.
  if (outcome.status === "invalid" || outcome.status === "expired") return notFound();
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-3xl font-semibold">{outcome.status === "confirmed" ? "You are subscribed" : "Already confirmed"}</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        <strong>{outcome.maskedEmail}</strong> will get one email each morning with{" "}
        {outcome.topics.length > 0 ? <>the trending papers on {outcome.topics.join(", ")}</> : <>the day’s trending papers</>}.
      </p>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        Every digest has a one-click unsubscribe link and a link to your settings, where you can change topics or pause.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <a href={outcome.manageUrl} className="rounded-full border border-stone-300 px-5 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Manage subscription
        </a>
        <Link href="/" className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
          Browse trending papers
        </Link>
      </div>
    </div>
  );
}
