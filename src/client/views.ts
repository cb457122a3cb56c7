// A paper page counts one view once it is really shown in a browser. Markup: <span hidden data-view-paper="{id}">.
// Prefetches and HEAD requests never run this script, and the route drops bots.
import { HOOKS } from "@/domain/page-hooks";
import { hook } from "./dom";

export function countViews(): void {
  for (const marker of document.querySelectorAll(hook(HOOKS.viewPaper))) {
    // keepalive lets the request finish even if the reader navigates away at once; failures are ignored.
    const paperId = marker.getAttribute(HOOKS.viewPaper);
    fetch(`/api/papers/${paperId}/view`, { method: "POST", keepalive: true, credentials: "same-origin" }).catch(
      () => {},
    );
  }
}
