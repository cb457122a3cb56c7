// Where the Atom feeds live, and the `alternates.types` metadata that lets feed readers discover them
// from any page (`<link rel="alternate" type="application/atom+xml">`).

export interface FeedScope {
  q?: string;
  topic?: string;
  /** "code": only papers with a code link. */
  has?: string;
}

export const ATOM_TYPE = "application/atom+xml";

/** The site-relative feed path of a scope: /feed.xml, /feed.xml?q=…, /feed.xml?topic=…. */
export function feedPath(scope: FeedScope = {}): string {
  const params = new URLSearchParams();
  if (scope.q) params.set("q", scope.q);
  if (scope.topic) params.set("topic", scope.topic);
  if (scope.has) params.set("has", scope.has);
  const query = params.toString();
  return query ? `/feed.xml?${query}` : "/feed.xml";
}

/** A feed's human title, used by feed readers and in the discovery link. */
export function feedTitle(scope: FeedScope = {}, topicLabel?: string): string {
  const withCode = scope.has === "code" ? " (with code)" : "";
  if (scope.topic) return `paper-digest: ${topicLabel ?? scope.topic}${withCode}`;
  if (scope.q) return `paper-digest: search “${scope.q}”${withCode}`;
  return `paper-digest: trending papers${withCode}`;
}

/**
 * For page metadata: `alternates: { types: feedAlternates(...) }`. The trending feed is always offered;
 * a search or topic page offers its own feed first.
 */
export function feedAlternates(
  scope: FeedScope = {},
  topicLabel?: string,
): Record<string, { url: string; title: string }[]> {
  const links = [{ url: feedPath(), title: feedTitle() }];
  if (scope.q || scope.topic || scope.has) links.unshift({ url: feedPath(scope), title: feedTitle(scope, topicLabel) });
  return { [ATOM_TYPE]: links };
}
