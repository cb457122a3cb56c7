// /digest/YYYY-MM-DD: a past edition, as it was sent: the papers that day's run mailed, most widely sent first.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDigestDate, isDigestDate } from "@/domain/digest/digest-date";
import { getStore } from "@/server/store/open-store";

export const dynamic = "force-dynamic";

type Params = Promise<{ date: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { date } = await params;
  return { title: isDigestDate(date) ? `Digest of ${formatDigestDate(date)}` : "Digest not found" };
}

export default async function ArchivedDigestPage({ params }: { params: Params }) {
  const { date } = await params;
  if (!isDigestDate(date)) notFound();
  const edition = await (await getStore()).digest.archivedEdition(date, 20);
  if (!edition) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Digest archive</p>
        <h1 className="font-serif text-2xl font-semibold sm:text-3xl">{formatDigestDate(date)}</h1>
        <p className="text-stone-600 dark:text-stone-400">
          {edition.readers === 0
            ? "This edition sent no emails (there was nothing new for anyone)."
            : `Sent to ${edition.readers} reader${edition.readers === 1 ? "" : "s"}; each got their own topics first. The papers it carried, most widely sent first:`}
        </p>
      </header>
      <ol className="space-y-3">
        {edition.papers.map(({ paper, sentTo }, index) => (
          <li key={paper.id} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <h2 className="font-serif text-lg font-semibold leading-snug">
              <span className="mr-1 text-stone-600 dark:text-stone-400">{index + 1}.</span>
              <Link href={`/papers/${paper.slug}`} className="hover:underline">{paper.title}</Link>
            </h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              Sent to {sentTo} reader{sentTo === 1 ? "" : "s"}{paper.topics.length > 0 ? ` · ${paper.topics.slice(0, 3).map((t) => t.label).join(", ")}` : ""}
            </p>
          </li>
        ))}
      </ol>
      <p><Link href="/digest" className="text-accent-700 underline dark:text-accent-300">Today&apos;s digest</Link></p>
    </div>
  );
}
