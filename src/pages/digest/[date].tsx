// /digest/YYYY-MM-DD: a past edition, as it was sent: the papers that day's run mailed to enough readers that
// they reveal no one's topics (src/domain/reader-privacy.ts), most widely sent first.
import type { GetServerSideProps } from "next";
import { notFoundProps, orNotFound, type NotFoundProps } from "@/components/not-found-page";
import { SitePage } from "@/components/site-page";
import { formatDigestDate, isDigestDate } from "@/domain/digest/digest-date";
import { MIN_READERS_TO_SHOW, publishablePapers } from "@/domain/reader-privacy";
import { env } from "@/env";
import { cachedArchivedEdition } from "@/server/digest/edition-cache";
import { getStore } from "@/server/store/open-store";
import { PUBLIC_CACHE_CONTROL } from "@/server/platform/http/response-cache/cache-rules";
import { archivedPaperViews, type ArchivedPaperView } from "@/view-models/digest-page";

export const config = { unstable_runtimeJS: false };

interface Props {
  date: string;
  readers: number;
  papers: ArchivedPaperView[];
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props | NotFoundProps, { date: string }> = async ({
  params,
  res,
}) => {
  const date = params?.date ?? "";
  if (!isDigestDate(date)) return notFoundProps(res);
  const edition = await cachedArchivedEdition(await getStore(), date, new Date());
  if (!edition) return notFoundProps(res);
  const papers = archivedPaperViews(publishablePapers(edition.papers));
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  return { props: { date, readers: edition.readers, papers, appUrl: env().appUrl } };
};

export default orNotFound(ArchivedDigestPage);

function ArchivedDigestPage({ date, readers, papers, appUrl }: Props) {
  return (
    <SitePage head={{ appUrl, title: `Digest of ${formatDigestDate(date)}`, canonical: `/digest/${date}` }}>
      <div className="mx-auto max-w-3xl space-y-6">
        <header className="space-y-1">
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
            Digest archive
          </p>
          <h1 className="font-serif text-2xl font-semibold sm:text-3xl">{formatDigestDate(date)}</h1>
          <p className="text-stone-600 dark:text-stone-400">
            {readers === 0
              ? "This edition sent no emails (there was nothing new for anyone)."
              : `Sent to ${readers} reader${readers === 1 ? "" : "s"}; each got their own topics first. The papers it carried, most widely sent first:`}
          </p>
          {readers > 0 && (
            <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="archive-privacy">
              Only papers that went to at least {MIN_READERS_TO_SHOW} readers are listed: a paper sent to fewer would
              tell who follows which topics.
            </p>
          )}
        </header>
        <ol className="space-y-3">
          {papers.map((paper, index) => (
            <li
              key={paper.id}
              className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
            >
              <h2 className="font-serif text-lg font-semibold leading-snug">
                <span className="mr-1 text-stone-600 dark:text-stone-400">{index + 1}.</span>
                <a href={`/papers/${paper.slug}`} className="hover:underline">
                  {paper.title}
                </a>
              </h2>
              {paper.topicLabels.length > 0 && (
                <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                  {paper.topicLabels.slice(0, 3).join(", ")}
                </p>
              )}
            </li>
          ))}
        </ol>
        <p>
          <a href="/digest" className="text-accent-700 underline dark:text-accent-300">
            Today&apos;s digest
          </a>
        </p>
      </div>
    </SitePage>
  );
}
