// /papers/[slug]: a paper's own page: the full clean abstract, authors, dates, topics, source links, the
// upvote button with the trending explanation, related papers, and share metadata (OpenGraph, Twitter,
// canonical URL, JSON-LD ScholarlyArticle).
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDate } from "@/components/paper-meta";
import { RelatedPaperList } from "@/components/related-paper-list";
import { SourceLinks } from "@/components/source-links";
import { TrendReasons } from "@/components/trend-reasons";
import { ViewBeacon } from "@/components/view-beacon";
import { VoteButton } from "@/components/vote-button";
import { paperSourceLinks } from "@/domain/paper-links";
import { jsonLdText, paperShareMetadata, scholarlyArticle } from "@/domain/paper-share";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { paperDetail } from "@/server/paper-detail";
import { VISITOR_COOKIE, visitorIdFromCookieValue } from "@/server/visitor";
import { votedPaperIds } from "@/server/votes";
import { TopicChips } from "@/components/topic-chips";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

/** One lookup per request, shared by generateMetadata and the page. */
const loadDetail = cache(async (slug: string) => paperDetail(await getDb(), { slug }, new Date()));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const detail = await loadDetail((await params).slug);
  if (!detail) return { title: "Paper not found", robots: { index: false } };
  return paperShareMetadata(detail.paper, env().appUrl);
}

export default async function PaperPage({ params }: { params: Params }) {
  const { slug } = await params;
  const detail = await loadDetail(slug);
  if (!detail) notFound();
  const { paper, related, trending } = detail;
  const visitorId = visitorIdFromCookieValue((await cookies()).get(VISITOR_COOKIE)?.value);
  const voted = (await votedPaperIds(await getDb(), visitorId, [paper.id])).has(paper.id);
  const dates = [
    paper.publishedAt ? `Published ${formatDate(paper.publishedAt)}` : null,
    `Added ${formatDate(paper.firstSeenAt)}`,
    paper.primaryCategory,
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <article aria-labelledby="paper-title" className="mx-auto max-w-3xl space-y-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(scholarlyArticle(paper, env().appUrl)) }} />
      <ViewBeacon paperId={paper.id} />
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/" className="text-accent-700 underline-offset-4 hover:underline dark:text-accent-300">Trending papers</Link>
        </nav>
        <h1 id="paper-title" className="font-serif text-2xl font-semibold leading-tight sm:text-3xl">{paper.title}</h1>
        {paper.authors.length > 0 && <p className="text-stone-800 dark:text-stone-200">{paper.authors.join(", ")}</p>}
        <p className="text-sm text-stone-600 dark:text-stone-400">{dates.join(" · ")}</p>
        <TopicChips topics={paper.topics} label="Topics" />
        <div className="flex flex-wrap items-center justify-between gap-3 border-y border-stone-200 py-3 dark:border-stone-800">
          {/* The trending explanation: why this paper is where it is in the feed. */}
          <div className="min-w-0">
            {trending?.rank !== undefined && <p className="text-sm font-medium">#{trending.rank} in trending</p>}
            <TrendReasons reasons={trending?.reasons ?? []} />
          </div>
          <VoteButton paperId={paper.id} votes={paper.votes} voted={voted} redirectTo={`/papers/${paper.slug}`} title={paper.title} />
        </div>
      </header>

      <section aria-labelledby="abstract-heading" className="rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="abstract-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">Abstract</h2>
        <p className="text-[17px] leading-relaxed">{paper.abstract}</p>
      </section>

      <SourceLinks links={paperSourceLinks(paper)} />
      <RelatedPaperList papers={related} />
    </article>
  );
}
