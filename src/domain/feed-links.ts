// Where the Atom feeds live, and the `alternates.types` metadata that lets feed readers discover them
// from any page (`<link rel="alternate" type="application/atom+xml">`).

export interface FeedScope {
  q?: string;
  /** One topic slug, or several separated by commas. */
  topic?: string;
  /** Author names, as written. */
  author?: readonly string[];
  /** "code": only papers with a code link. */
  has?: string;
}

export const ATOM_TYPE = "application/atom+xml";

/** `base` with the scope's parameters: one query is a page (/), a feed (/feed.xml), an API call (/api/papers). */
export function scopePath(base: string, scope: FeedScope = {}): string {
  const params = new URLSearchParams();
  if (scope.q) params.set("q", scope.q);
  if (scope.topic) params.set("topic", scope.topic);
  for (const name of scope.author ?? []) params.append("author", name);
  if (scope.has) params.set("has", scope.has);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** The site-relative feed path of a scope: /feed.xml, /feed.xml?q=…, /feed.xml?topic=…. */
export function feedPath(scope: FeedScope = {}): string {
  return scopePath("/feed.xml", scope);
}

/** Whether a scope narrows the feed at all. */
export function isScoped(scope: FeedScope): boolean {
  return Boolean(scope.q || scope.topic || scope.author?.length || scope.has);
}

/** A feed's human title, used by feed readers and in the discovery link. */
export function feedTitle(scope: FeedScope = {}, topicLabel?: string): string {
  const withCode = scope.has === "code" ? " (with code)" : "";
  if (scope.topic) return `paper-digest: ${topicLabel ?? scope.topic}${withCode}`;
  if (scope.q) return `paper-digest: search “${scope.q}”${withCode}`;
  if (scope.author?.length) return `paper-digest: papers by ${scope.author.join(", ")}${withCode}`;
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
  if (isScoped(scope)) links.unshift({ url: feedPath(scope), title: feedTitle(scope, topicLabel) });
  return { [ATOM_TYPE]: links };
}
