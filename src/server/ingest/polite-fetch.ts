// HTTP GET with arXiv API etiquette: a pause of at least `delayMs` between requests, a descriptive
// User-Agent, a timeout per request, retries with exponential backoff on timeouts, 429 and 5xx,
// and a size cap on the body (INGEST_MAX_MB). The body is read as a stream: into a string (an API page),
// or into a file as it arrives (politeDownload), so a big response never sits in memory.
import fs from "node:fs";
import { once } from "node:events";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchPolicy {
  fetch: FetchLike;
  userAgent: string;
  /** Minimum pause between the end of one request and the start of the next (arXiv asks for 3 s). */
  delayMs: number;
  timeoutMs: number;
  maxAttempts: number;
  maxBytes: number;
}

export class FetchFailedError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(`${url}: ${message}`);
    this.name = "FetchFailedError";
  }
}

const MAX_RETRY_AFTER_MS = 60_000;

/** Spaces requests out; one pacer is shared by every request of a run, retries included. */
export class RequestPacer {
  private lastEnd = 0;
  constructor(private readonly delayMs: number) {}

  async beforeRequest(): Promise<void> {
    if (this.lastEnd === 0) return;
    // Timers may fire a millisecond early by Date.now(); loop until the pause has really passed.
    for (let wait = this.lastEnd + this.delayMs - Date.now(); wait > 0; wait = this.lastEnd + this.delayMs - Date.now())
      await sleep(wait);
  }

  afterRequest(): void {
    this.lastEnd = Date.now();
  }
}

/** The body of `url` as text; throws FetchFailedError after the last attempt. */
export async function politeFetch(url: string, policy: FetchPolicy, pacer: RequestPacer): Promise<string> {
  return politeGet(url, policy, pacer, async (response) => {
    const chunks: Uint8Array[] = [];
    await eachChunk(response, url, policy, (chunk) => void chunks.push(chunk));
    return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
  });
}

/** Writes the body of `url` to `file` as it arrives (a retry starts the file afresh); throws like politeFetch. */
export async function politeDownload(
  url: string,
  file: string,
  policy: FetchPolicy,
  pacer: RequestPacer,
): Promise<void> {
  await politeGet(url, policy, pacer, async (response) => {
    const out = fs.createWriteStream(file);
    try {
      await eachChunk(response, url, policy, async (chunk) => {
        if (!out.write(chunk)) await once(out, "drain");
      });
    } finally {
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
  });
}

async function politeGet<T>(
  url: string,
  policy: FetchPolicy,
  pacer: RequestPacer,
  readBody: (response: Response) => Promise<T>,
): Promise<T> {
  let lastProblem = "no attempt made";
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    await pacer.beforeRequest();
    let retryAfterMs = 0;
    try {
      const response = await policy.fetch(url, {
        headers: {
          "User-Agent": policy.userAgent,
          Accept: "application/atom+xml, application/rss+xml, application/json, text/plain;q=0.9, */*;q=0.5",
        },
        signal: AbortSignal.timeout(policy.timeoutMs),
        redirect: "follow",
      });
      if (response.ok) return await readBody(response);
      await response.body?.cancel();
      lastProblem = `HTTP ${response.status} ${response.statusText}`.trim();
      if (response.status !== 429 && response.status < 500) throw new FetchFailedError(url, lastProblem);
      retryAfterMs = retryAfter(response.headers.get("retry-after"));
    } catch (error) {
      if (error instanceof FetchFailedError) throw error;
      lastProblem = isTimeout(error) ? `timed out after ${policy.timeoutMs} ms` : `network error: ${describe(error)}`;
    } finally {
      pacer.afterRequest();
    }
    if (attempt < policy.maxAttempts) await sleep(Math.max(policy.delayMs * 2 ** (attempt - 1), retryAfterMs));
  }
  throw new FetchFailedError(url, `gave up after ${policy.maxAttempts} attempts (last: ${lastProblem})`);
}

/** Hands on the body's chunks, refusing a body over `maxBytes` (declared or counted). */
async function eachChunk(
  response: Response,
  url: string,
  { maxBytes, timeoutMs }: FetchPolicy,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
): Promise<void> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new FetchFailedError(url, `response of ${declared} bytes is over the ${maxBytes}-byte limit (INGEST_MAX_MB)`);
  if (!response.body) return;
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes)
        throw new FetchFailedError(url, `response is over the ${maxBytes}-byte limit (INGEST_MAX_MB)`);
      await onChunk(chunk);
    }
  } catch (error) {
    if (error instanceof FetchFailedError) throw error;
    throw isTimeout(error) ? new Error(`timed out after ${timeoutMs} ms`, { cause: error }) : error;
  }
}

function retryAfter(header: string | null): number {
  if (!header) return 0;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : new Date(header).getTime() - Date.now();
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : 0;
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "TimeoutError" || error.name === "AbortError" || /timed out/.test(error.message))
  );
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
