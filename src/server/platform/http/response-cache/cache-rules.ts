// Which requests the response cache may answer, which answers it may keep and for how long, and which requests
// change what it holds. Pages and API answers that are the same for every visitor say so themselves with
// PUBLIC_CACHE_CONTROL; the cache keeps only those, and only for the addresses listed here.

/**
 * The Cache-Control of everything that is the same for every visitor. Browsers revalidate each time (max-age=0:
 * a vote must show on the next load, and a matching ETag costs a 304); shared caches (a CDN, a reverse proxy, this
 * server's own cache) keep it for 10 s and may serve it up to a minute stale while they refetch it.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=60";

/** The Cache-Control of anything personal (a visitor's votes, a tokened link): never kept by anyone. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** The public pages and GET API of the issue: feed and search, papers, topics, digests. Never a tokened page. */
const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/papers\/[^/]+$/,
  /^\/topics(\/[^/]+)?$/,
  /^\/digest(\/\d{4}-\d{2}-\d{2})?$/,
  /^\/api\/papers(\/\d+)?$/,
  /^\/api\/topics$/,
];

/** Writes that never change what a cached page shows at once: a view moves trending scores a little (see TTL). */
const NON_INVALIDATING_WRITES = [/^\/api\/papers\/\d+\/view$/];

interface RequestFacts {
  method: string;
  /** Path and query, as on the request line. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

function splitUrl(url: string): { path: string; params: URLSearchParams } {
  const queryAt = url.indexOf("?");
  return queryAt < 0
    ? { path: url, params: new URLSearchParams() }
    : { path: url.slice(0, queryAt), params: new URLSearchParams(url.slice(queryAt + 1)) };
}

/** Whether the cache may answer this request (and fill itself from Next's answer to it). */
export function isCacheableRequest({ method, url, headers }: RequestFacts): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  // Credentials other than the visitor cookie (which no cached page reads) and partial requests go to Next.
  if (headers.authorization !== undefined || headers.range !== undefined) return false;
  const { path, params } = splitUrl(url);
  if (params.has("token")) return false;
  return CACHEABLE_PATHS.some((pattern) => pattern.test(path));
}

/** Whether a request, once answered successfully, may have changed what cached answers show. */
export function invalidatesCache({ method, url }: Pick<RequestFacts, "method" | "url">): boolean {
  const { path } = splitUrl(url);
  // The cron routes are GETs that import papers or send a digest.
  if (path.startsWith("/api/cron/")) return true;
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  return !NON_INVALIDATING_WRITES.some((pattern) => pattern.test(path));
}

/**
 * How long an answer stays fresh (its s-maxage) and then may be served stale while it is rendered again (its
 * stale-while-revalidate), or null when it must not be kept: anything but a 200, anything setting a cookie,
 * anything not explicitly public for shared caches.
 */
export function keepingOf(
  status: number,
  cacheControl: string | undefined,
  setsCookie: boolean,
): { freshForMs: number; staleForMs: number } | null {
  if (status !== 200 || setsCookie || !cacheControl) return null;
  const directives = cacheControl.toLowerCase();
  if (!/(^|[\s,])public([\s,]|$)/.test(directives) || /private|no-store|no-cache/.test(directives)) return null;
  const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(directives)?.[1] ?? 0);
  const fresh = seconds("s-maxage");
  return fresh > 0 ? { freshForMs: fresh * 1000, staleForMs: seconds("stale-while-revalidate") * 1000 } : null;
}
