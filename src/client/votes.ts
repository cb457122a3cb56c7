// Votes count at once, without a page load, and roll back if the server refuses. Pages are the same for every
// visitor (so they can be cached): the buttons arrive unpressed, and one small request asks which of them this
// visitor pressed, with the current counts. Markup: <form data-vote="{paperId}" data-title="…"> around a
// button[aria-pressed][data-votes] (VoteButton).
import { HOOKS } from "@/domain/page-hooks";
import { voteLabel } from "@/domain/vote-label";
import { apiErrorMessage, required } from "./dom";

interface VoteState {
  voted: boolean;
  votes: number;
}

function showVote(form: HTMLFormElement, state: VoteState): void {
  const button = required(form, "button", HTMLButtonElement);
  button.setAttribute("aria-pressed", String(state.voted));
  button.setAttribute(
    "aria-label",
    voteLabel(state.voted, state.votes, form.getAttribute(HOOKS.voteTitle) ?? undefined),
  );
  button.setAttribute(HOOKS.voteCount, String(state.votes));
  required(button, "span", HTMLSpanElement).textContent = state.votes.toLocaleString("en-US");
  required(form, 'input[name="action"]', HTMLInputElement).value = state.voted ? "remove" : "upvote";
}

/** Forms the reader has clicked on this page: their state is the reader's own, newer than any answer below. */
const touched = new WeakSet<HTMLFormElement>();

/** Presses the buttons of the papers this visitor upvoted and shows current counts (failures keep the page as is). */
export async function showOwnVotes(root: ParentNode = document): Promise<void> {
  const forms = [...root.querySelectorAll<HTMLFormElement>(`form[${HOOKS.vote}]`)];
  if (forms.length === 0) return;
  const ids = [...new Set(forms.map((form) => form.getAttribute(HOOKS.vote)))].join(",");
  try {
    const response = await fetch(`/api/visitor/votes?papers=${ids}`, {
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const own = (await response.json()) as { voted: number[]; votes: Record<string, number> };
    const voted = new Set(own.voted.map(String));
    for (const form of forms) {
      const id = form.getAttribute(HOOKS.vote) ?? "";
      if (touched.has(form)) continue;
      const shown = Number(required(form, "button", HTMLButtonElement).getAttribute(HOOKS.voteCount));
      showVote(form, { voted: voted.has(id), votes: own.votes[id] ?? shown });
    }
  } catch {
    // Offline: the page still shows every count; the buttons just do not know this reader's votes.
  }
}

async function refusal(response: Response): Promise<string> {
  if (response.status === 429) return "Too many votes; try again in a minute.";
  return (await apiErrorMessage(response)).message ?? "Your vote was not saved.";
}

async function vote(form: HTMLFormElement): Promise<void> {
  const button = required(form, "button", HTMLButtonElement);
  const status = required(form, '[role="status"]', HTMLElement);
  if (button.getAttribute("aria-busy") === "true") return;
  touched.add(form);
  const previous = {
    voted: button.getAttribute("aria-pressed") === "true",
    votes: Number(button.getAttribute(HOOKS.voteCount)),
  };
  showVote(form, { voted: !previous.voted, votes: Math.max(0, previous.votes + (previous.voted ? -1 : 1)) });
  button.setAttribute("aria-busy", "true");
  status.textContent = "";
  try {
    const response = await fetch(`/api/papers/${form.getAttribute(HOOKS.vote)}/vote`, {
      method: previous.voted ? "DELETE" : "POST",
      headers: { accept: "application/json" },
      credentials: "same-origin",
      // keepalive: the page already shows the vote, so a reload or a link followed at once must not cancel
      // it, nor drop the answer whose cookie makes the vote this reader's (else it counts, but as nobody's).
      keepalive: true,
    });
    if (!response.ok) throw new Error(await refusal(response));
    const saved = (await response.json()) as VoteState;
    showVote(form, { voted: saved.voted, votes: saved.votes });
  } catch (failure) {
    showVote(form, previous);
    const offline = !(failure instanceof Error) || failure.message === "Failed to fetch";
    status.textContent = offline ? "Your vote was not saved; check your connection." : failure.message;
  } finally {
    button.setAttribute("aria-busy", "false");
  }
}

export function enhanceVotes(): void {
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute(HOOKS.vote)) return;
    event.preventDefault();
    void vote(form);
  });
}
