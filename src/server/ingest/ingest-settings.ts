// The ingest settings from env, in the shapes the jobs take.
import { env } from "@/env";
import type { FetchPolicy } from "./polite-fetch";

/** arXiv's API terms ask for no more than one request every three seconds. */
export const ARXIV_DELAY_MS = 3_000;
export const FETCH_ATTEMPTS = 4;

/** INGEST_SOURCES: space-separated URLs. */
export function ingestSources(): string[] {
  return (env().INGEST_SOURCES ?? "").split(/\s+/).filter(Boolean);
}

/** INGEST_MAX_MB caps a fetched response (held in memory); files are streamed and have no size limit. */
export function maxResponseBytes(): number {
  return env().INGEST_MAX_MB * 1024 * 1024;
}

/** Names the app and a contact address, as arXiv asks of automated clients. */
export function ingestUserAgent(): string {
  const settings = env();
  return `paper-digest/0.1 (+${settings.appUrl}; mailto:${settings.INGEST_CONTACT})`;
}

export function defaultFetchPolicy(overrides: Partial<FetchPolicy> = {}): FetchPolicy {
  return {
    fetch: (url, init) => fetch(url, init),
    userAgent: ingestUserAgent(),
    delayMs: ARXIV_DELAY_MS,
    timeoutMs: env().INGEST_TIMEOUT_MS,
    maxAttempts: FETCH_ATTEMPTS,
    maxBytes: maxResponseBytes(),
    ...overrides,
  };
}
