// /digest: today's edition for everyone (the last day's overall top list) and links to past editions; both
// computed once a minute, not per request (src/server/digest/edition-cache.ts).
import type { GetServerSideProps } from "next";
import { DigestItems } from "@/components/digest-items";
import { SitePage } from "@/components/site-page";
import { formatDigestDate } from "@/domain/digest/digest-date";
import { env } from "@/env";
import { cachedTodayPage } from "@/server/digest/edition-cache";
import { getStore } from "@/server/store/open-store";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { digestSettingsFromEnv } from "@/server/digest/digest-settings";
import { digestItemViews, type DigestItemView } from "@/view-models/digest-page";

export const config = { unstable_runtimeJS: false };

interface Props {
  date: string;
  items: DigestItemView[];
  archive: string[];
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ res }) => {
  const { edition, archive } = await cachedTodayPage(await getStore(), new Date(), digestSettingsFromEnv());
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  return {
    props: { date: edition.date, items: digestItemViews(edition.items), archive, appUrl: env().appUrl },
  };
};

export default function DigestPage({ date, items, archive, appUrl }: Props) {
  const head = {
    appUrl,
    title: "Today's digest",
    description: "The papers trending in the last day, as the daily email sends them.",
    canonical: "/digest",
  };
  return (
    <SitePage head={head}>
      <div className="mx-auto max-w-3xl space-y-6">
        <header className="space-y-1">
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
            Today&apos;s digest
          </p>
          <h1 className="font-serif text-2xl font-semibold sm:text-3xl">{formatDigestDate(date)}</h1>
          <p className="text-stone-600 dark:text-stone-400">
            The most-trending papers that arrived in the last day. Subscribers get this list every morning, with their
            own topics first.{" "}
            <a href="/#subscribe" className="text-accent-700 underline dark:text-accent-300">
              Get the daily email
            </a>
            .
          </p>
        </header>
        {items.length > 0 ? (
          <DigestItems items={items} />
        ) : (
          <p className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
            No new papers in the last day yet. The{" "}
            <a href="/" className="underline">
              feed
            </a>{" "}
            has everything trending.
          </p>
        )}
        {archive.length > 0 && (
          <nav aria-labelledby="archive-heading" className="space-y-2">
            <h2
              id="archive-heading"
              className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400"
            >
              Past editions
            </h2>
            <ul className="flex flex-wrap gap-2">
              {archive.map((day) => (
                <li key={day}>
                  <a
                    href={`/digest/${day}`}
                    className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
                  >
                    {day}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </SitePage>
  );
}
