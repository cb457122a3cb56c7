// A paper's own page: the full clean abstract, authors, dates, topics, source links, the upvote button
// with the trending explanation, and related papers.
import type { PaperPage } from "@/view-models/paper-page";
import { AuthorLinks } from "./author-links";
import { CodeLink } from "./code-link";
import { MoreLikeThis } from "./more-like-this";
import { formatDate } from "./paper-meta";
import { RelatedPaperList } from "./related-paper-list";
import { SourceLinks } from "./source-links";
import { TopicChips } from "./topic-chips";
import { TrendReasons } from "./trend-reasons";
import { TrendSparkline } from "./trend-sparkline";
import { ViewBeacon } from "./view-beacon";
import { VoteButton } from "./vote-button";

export function PaperPageView({ page }: { page: PaperPage }) {
  const { paper, related, rank, reasons, history, jsonLd } = page;
  const dates = [
    paper.publishedAt ? `Published ${formatDate(paper.publishedAt)}` : null,
    `Added ${formatDate(paper.firstSeenAt)}`,
    paper.primaryCategory,
  ].filter((fact): fact is string => Boolean(fact));

  return (
    <article aria-labelledby="paper-title" className="mx-auto max-w-3xl space-y-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <ViewBeacon paperId={paper.id} />
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <a href="/" className="text-accent-700 underline-offset-4 hover:underline dark:text-accent-300">
            Trending papers
          </a>
        </nav>
        <h1 id="paper-title" className="font-serif text-2xl font-semibold leading-tight sm:text-3xl">
          {paper.title}
        </h1>
        {paper.authors.length > 0 && (
          <p className="text-stone-800 dark:text-stone-200">
            <AuthorLinks authors={paper.authors} />
          </p>
        )}
        <p className="text-sm text-stone-600 dark:text-stone-400">{dates.join(" · ")}</p>
        <TopicChips topics={paper.topics} label="Topics" />
        <CodeLink href={paper.codeUrl} title={paper.title} />
        <div className="flex flex-wrap items-center justify-between gap-3 border-y border-stone-200 py-3 dark:border-stone-800">
          {/* The trending explanation: why this paper is where it is in the feed. */}
          <div className="min-w-0">
            {rank !== null && <p className="text-sm font-medium">#{rank} in trending</p>}
            <TrendReasons reasons={reasons} />
            <TrendSparkline history={history} />
          </div>
          <VoteButton paperId={paper.id} votes={paper.votes} redirectTo={`/papers/${paper.slug}`} title={paper.title} />
        </div>
      </header>

      <section
        aria-labelledby="abstract-heading"
        className="rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2
          id="abstract-heading"
          className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400"
        >
          Abstract
        </h2>
        <p className="text-[17px] leading-relaxed">{paper.abstract}</p>
      </section>

      <SourceLinks links={page.sourceLinks} />
      <RelatedPaperList papers={related} />
      <MoreLikeThis text={paper.abstract} />
    </article>
  );
}
