"use client";
// The upvote toggle. A plain form post without JavaScript (the route answers 303 back to redirectTo);
// with JavaScript the count changes at once and rolls back if the server refuses.
import { useState, type FormEvent } from "react";

export interface VoteButtonProps {
  paperId: number;
  votes: number;
  voted: boolean;
  /** Same-origin path the no-JavaScript form returns to, e.g. "/?window=week#paper-12-title". */
  redirectTo: string;
  /** The paper's title, so each button's accessible name says which paper it votes for. */
  title?: string;
}

const plural = (n: number) => `${n} ${n === 1 ? "upvote" : "upvotes"}`;

async function errorMessage(response: Response): Promise<string> {
  if (response.status === 429) return "Too many votes; try again in a minute.";
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? "Your vote was not saved.";
  } catch {
    return "Your vote was not saved.";
  }
}

export function VoteButton({ paperId, votes, voted, redirectTo, title }: VoteButtonProps) {
  const [state, setState] = useState({ votes, voted });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const previous = state;
    setState({ voted: !previous.voted, votes: Math.max(0, previous.votes + (previous.voted ? -1 : 1)) });
    setPending(true);
    setError("");
    try {
      const response = await fetch(`/api/papers/${paperId}/vote`, { method: previous.voted ? "DELETE" : "POST", headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(await errorMessage(response));
      const saved = (await response.json()) as { votes: number; voted: boolean };
      setState({ votes: saved.votes, voted: saved.voted });
    } catch (failure) {
      setState(previous);
      setError(failure instanceof Error && failure.message !== "Failed to fetch" ? failure.message : "Your vote was not saved; check your connection.");
    } finally {
      setPending(false);
    }
  }

  const label = `${state.voted ? "Upvoted" : "Upvote"}${title ? ` “${title}”` : ""}, ${plural(state.votes)}`;
  return (
    <form method="post" action={`/api/papers/${paperId}/vote`} onSubmit={submit} className="flex items-center gap-2">
      <input type="hidden" name="action" value={state.voted ? "remove" : "upvote"} />
      <input type="hidden" name="redirect" value={redirectTo} />
      <span role="status" className="text-xs text-red-700 dark:text-red-300">{error}</span>
      <button
        type="submit"
        aria-pressed={state.voted}
        aria-label={label}
        aria-busy={pending}
        className={`inline-flex min-h-9 min-w-14 items-center justify-center gap-1.5 rounded-full border px-3 text-sm font-semibold tabular-nums transition-colors ${
          state.voted
            ? "border-accent-600 bg-accent-600 text-white hover:bg-accent-700"
            : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800"
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3 fill-current">
          <path d="M6 1.5 11 9.5H1z" />
        </svg>
        <span>{state.votes.toLocaleString("en-US")}</span>
      </button>
    </form>
  );
}
