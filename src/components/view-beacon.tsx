// Marks a paper page so the client script (src/client/views.ts) counts one view once the page is really shown
// in a browser. Prefetches and HEAD requests never run the script, and the route drops bots, so only a
// rendered page for a reader counts.
import { HOOKS } from "@/domain/page-hooks";

export function ViewBeacon({ paperId }: { paperId: number }) {
  return <span hidden {...{ [HOOKS.viewPaper]: paperId }} />;
}
