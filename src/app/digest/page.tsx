// /digest: today's edition for everyone (the last day's overall top list) and links to past editions.
import type { Metadata } from "next";
import Link from "next/link";
import { formatDigestDate } from "@/domain/digest/digest-date";
import { getStore } from "@/server/store/open-store";
import { todayEdition } from "@/server/digest/digest-editions";
import { digestSettingsFromEnv } from "@/server/digest/digest-settings";
import { DigestItems } from "./digest-items";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Today's digest", description: "The papers trending in the last day, as the daily email sends them." };

export default async function DigestPage() {
  const store = await getStore();
  const [edition, archive] = await Promise.all([todayEdition(store, new Date(), digestSettingsFromEnv()), store.digest.recentEditions(14)]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Today&apos;s digest</p>
        <h1 className="font-serif text-2xl font-semibold sm:text-3xl">{formatDigestDate(edition.date)}</h1>
        <p className="text-stone-600 dark:text-stone-400">
          The most-trending papers that arrived in the last day. Subscribers get this list every morning, with their own topics first.{" "}
          <Link href="/#subscribe" className="text-accent-700 underline dark:text-accent-300">Get the daily email</Link>.
        </p>
      </header>
      {edition.items.length > 0 ? (
        <DigestItems items={edition.items} />
      ) : (
        <p className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">No new papers in the last day yet. The <Link href="/" className="underline">feed</Link> has everything trending.</p>
      )}
      {archive.length > 0 && (
        <nav aria-labelledby="archive-heading" className="space-y-2">
          <h2 id="archive-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Past editions</h2>
          <ul className="flex flex-wrap gap-2">
            {archive.map((run) => (
              <li key={run.date}>
                <Link href={`/digest/${run.date}`} className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">{run.date}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
