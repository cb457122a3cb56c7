// The upvote button's words, the same whether the server renders it or the client script updates it.

function upvoteCount(votes: number): string {
  return `${votes} ${votes === 1 ? "upvote" : "upvotes"}`;
}

/** The button's accessible name: "Upvote “Title”, 3 upvotes" or "Upvoted “Title”, 4 upvotes". */
export function voteLabel(voted: boolean, votes: number, title?: string): string {
  return `${voted ? "Upvoted" : "Upvote"}${title ? ` “${title}”` : ""}, ${upvoteCount(votes)}`;
}
