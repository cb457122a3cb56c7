// Marks a paper page so public/enhance.js counts one view once the page is really shown in a browser.
// Prefetches and HEAD requests never run the script, and the route drops bots, so only a rendered page
// for a reader counts.

export function ViewBeacon({ paperId }: { paperId: number }) {
  return <span hidden data-view-paper={paperId} />;
}
