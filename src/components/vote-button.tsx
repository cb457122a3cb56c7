// The upvote toggle: a plain form post (the route answers 303 back to redirectTo), so it works without
// JavaScript. It is rendered the same for every visitor (unpressed, with the count), so pages can be cached:
// the client script (src/client/votes.ts) asks which papers this visitor upvoted and presses those, and takes
// over the submit: the count and aria-pressed change at once and roll back if the server refuses. The label
// and count are kept in data attributes for it.
import { HOOKS } from "@/domain/page-hooks";
import { voteLabel } from "@/domain/vote-label";

export interface VoteButtonProps {
  paperId: number;
  votes: number;
  /** Same-origin path the no-JavaScript form returns to, e.g. "/?window=week#paper-12-title". */
  redirectTo: string;
  /** The paper's title, so each button's accessible name says which paper it votes for. */
  title?: string;
}

export function VoteButton({ paperId, votes, redirectTo, title }: VoteButtonProps) {
  return (
    <form
      method="post"
      action={`/api/papers/${paperId}/vote`}
      {...{ [HOOKS.vote]: paperId, [HOOKS.voteTitle]: title }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="action" value="upvote" />
      <input type="hidden" name="redirect" value={redirectTo} />
      <span role="status" className="text-xs text-red-700 dark:text-red-300"></span>
      <button
        type="submit"
        aria-pressed={false}
        aria-label={voteLabel(false, votes, title)}
        {...{ [HOOKS.voteCount]: votes }}
        className="vote-button"
      >
        <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3 fill-current">
          <path d="M6 1.5 11 9.5H1z" />
        </svg>
        <span>{votes.toLocaleString("en-US")}</span>
      </button>
    </form>
  );
}
