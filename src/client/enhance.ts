// paper-digest's one client script. Every page is complete, working HTML without it (votes are form posts,
// search is a GET form, subscribing is a form post); it only makes the common paths quicker. Bundled by
// scripts/build-client.ts into one small file served as /enhance.js; pages ship no framework runtime, which
// keeps them interactive from the first paint (docs/architecture.md, "Pages and the client script").
import { enhanceSearch } from "./search";
import { enhanceSubscribe } from "./subscribe";
import { countViews } from "./views";
import { enhanceVotes, showOwnVotes } from "./votes";

enhanceVotes();
enhanceSearch();
enhanceSubscribe();
const onPage = () => {
  countViews();
  void showOwnVotes();
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
