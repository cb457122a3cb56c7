// Fetches one configured source: a single document, or every page of an arXiv API query up to a cap.
import { politeFetch, type FetchPolicy, type RequestPacer } from "./polite-fetch";

export interface FetchedPage {
  url: string;
  content: string;
}

export interface SourceFetch {
  pages: FetchedPage[];
  /** Set when a later page failed: the earlier pages are still worth importing. */
  error?: string;
}

/**
 * arXiv API responses carry OpenSearch totals; while results remain and fewer than `maxResults`
 * entries were fetched, the next page is asked for with `start` advanced. Other sources are one page.
 */
export async function fetchSource(
  url: string,
  policy: FetchPolicy,
  pacer: RequestPacer,
  maxResults: number,
): Promise<SourceFetch> {
  const pages: FetchedPage[] = [];
  let next: string | null = url;
  let entries = 0;
  while (next) {
    let content: string;
    try {
      content = await politeFetch(next, policy, pacer);
    } catch (error) {
      if (pages.length === 0) throw error;
      return { pages, error: error instanceof Error ? error.message : String(error) };
    }
    pages.push({ url: next, content });
    const onPage = countEntries(content);
    entries += onPage;
    next = onPage > 0 && entries < maxResults ? nextPageUrl(next, content, maxResults - entries) : null;
  }
  return { pages };
}

function countEntries(content: string): number {
  return content.match(/<entry[\s>]/g)?.length ?? 0;
}

function openSearchNumber(content: string, name: string): number | null {
  const match = new RegExp(`<(?:[\\w-]+:)?${name}[^>]*>\\s*(\\d+)\\s*<`).exec(content);
  return match ? Number(match[1]) : null;
}

function nextPageUrl(current: string, content: string, remaining: number): string | null {
  const total = openSearchNumber(content, "totalResults");
  const start = openSearchNumber(content, "startIndex");
  const perPage = openSearchNumber(content, "itemsPerPage");
  if (total === null || start === null || !perPage) return null;
  const nextStart = start + perPage;
  if (nextStart >= total) return null;
  const url = new URL(current);
  url.searchParams.set("start", String(nextStart));
  url.searchParams.set("max_results", String(Math.min(perPage, remaining)));
  return url.toString();
}
