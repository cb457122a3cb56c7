// The list of paper cards of a feed view, with its empty state.
import Link from "next/link";
import type { FeedView } from "@/server/feed-page";
import { PaperCard } from "./paper-card";
import { TrendReasons } from "./trend-reasons";
import { VoteButton } from "./vote-button";

interface FeedListProps {
  feed: FeedView;
  /** Papers the current visitor has upvoted. */
  voted: ReadonlySet<number>;
  /** The page's own path and query, where the no-JavaScript vote form returns to. */
  returnTo: string;
  emptyAction?: { href: string; label: string };
}

export function FeedList({ feed, voted, returnTo, emptyAction }: FeedListProps) {
  if (feed.items.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
        <p className="font-medium">No papers here yet.</p>
        {emptyAction && (
          <Link href={emptyAction.href} className="mt-2 inline-block text-accent-700 underline dark:text-accent-300">
            {emptyAction.label}
          </Link>
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
            rank={item.trending.rank}
            reasons={<TrendReasons reasons={item.trending.reasons} />}
            actions={<VoteButton paperId={item.paper.id} votes={item.paper.votes} voted={voted.has(item.paper.id)} redirectTo={`${returnTo}#paper-${item.paper.id}-title`} title={item.paper.title} />}
          />
        </li>
      ))}
    </ol>
  );
}
