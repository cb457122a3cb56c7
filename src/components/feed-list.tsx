// The list of paper cards of a feed view, with its empty state.
import type { FeedView } from "@/view-models/feed-page";
import { HighlightedText } from "./highlighted-text";
import { PaperCard } from "./paper-card";
import { TopicChips } from "./topic-chips";
import { TrendReasons } from "./trend-reasons";
import { VoteButton } from "./vote-button";

interface FeedListProps {
  feed: FeedView;
  /** The page's own path and query, where the no-JavaScript vote form returns to. */
  returnTo: string;
  emptyAction?: { href: string; label: string };
}

export function FeedList({ feed, returnTo, emptyAction }: FeedListProps) {
  if (feed.items.length === 0) {
    return (
      <div className="space-y-3 rounded-xl border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
        <p className="font-medium">No papers here yet.</p>
        {feed.suggestions && (
          <div className="flex flex-col items-center gap-2">
            <p className="text-sm text-stone-600 dark:text-stone-400">Try a nearby topic:</p>
            <TopicChips topics={feed.suggestions} label="Try a nearby topic" />
          </div>
        )}
        {emptyAction && (
          <a href={emptyAction.href} className="mt-2 inline-block text-accent-700 underline dark:text-accent-300">
            {emptyAction.label}
          </a>
        )}
      </div>
    );
  }
  return (
    <ol className="space-y-3" aria-label="Papers">
      {feed.items.map((item) => (
        <li key={item.paper.id}>
          <PaperCard
            paper={item.paper}
            rank={item.rank}
            title={
              item.titleHighlights ? (
                <HighlightedText text={item.paper.title} ranges={item.titleHighlights} />
              ) : undefined
            }
            snippet={
              item.snippet ? (
                <p className="mt-2 text-[15px] leading-relaxed text-stone-700 dark:text-stone-300">
                  <HighlightedText text={item.snippet.text} ranges={item.snippet.highlights} />
                </p>
              ) : undefined
            }
            reasons={<TrendReasons reasons={item.reasons} />}
            actions={
              <VoteButton
                paperId={item.paper.id}
                votes={item.paper.votes}
                redirectTo={`${returnTo}#paper-${item.paper.id}-title`}
                title={item.paper.title}
              />
            }
          />
        </li>
      ))}
    </ol>
  );
}
