"use client";
// Counts a view of the paper page once it is really shown in a browser. Prefetches and HEAD requests
// never run this script, and the route drops bots, so only a rendered page for a reader counts.
import { useEffect } from "react";

/** Papers already reported from this tab: the server dedupes per day anyway, this saves the request. */
const reported = new Set<number>();

export function ViewBeacon({ paperId }: { paperId: number }) {
  useEffect(() => {
    if (reported.has(paperId)) return;
    reported.add(paperId);
    // keepalive lets the request finish even if the reader navigates away at once; failures are ignored.
    fetch(`/api/papers/${paperId}/view`, { method: "POST", keepalive: true, credentials: "same-origin" }).catch(() => {});
  }, [paperId]);
  return null;
}
