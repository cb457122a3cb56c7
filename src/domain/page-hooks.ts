// The contract between the server-rendered HTML and the client script: the data attributes and ids the
// components write and src/client/ looks for. One list, so a renamed hook breaks the type check, not a page.

export const HOOKS = {
  /** <form data-vote="{paperId}">: the upvote toggle. */
  vote: "data-vote",
  /** On the vote form: the paper's title, for the button's accessible name. */
  voteTitle: "data-title",
  /** On the vote button: the current count. */
  voteCount: "data-votes",
  /** <form data-search>: the header's search form. */
  search: "data-search",
  /** <form data-subscribe>: the subscribe box's form. */
  subscribe: "data-subscribe",
  /** The subscribe form's error line. */
  subscribeError: "data-subscribe-error",
  /** The hidden "check your inbox" state beside the subscribe form. */
  subscribed: "data-subscribed",
  /** In that state: where the masked address goes. */
  subscribedEmail: "data-subscribed-email",
  /** In that state: the "use another address" button. */
  subscribeAgain: "data-subscribe-again",
  /** <span hidden data-view-paper="{paperId}">: count one view of this paper. */
  viewPaper: "data-view-paper",
} as const;

/** The search box's id (the header's label points at it). */
export const SEARCH_INPUT_ID = "site-search";
/** The main landmark's id: the skip link's target and what live search swaps. */
export const MAIN_ID = "main";
/** Where the bundled client script is served (src/cli/build-client.ts writes it). */
export const CLIENT_SCRIPT_PATH = "/enhance.js";
