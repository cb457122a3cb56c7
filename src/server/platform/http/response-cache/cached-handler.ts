// The response cache in front of Next's request handler (src/cli/serve.ts): public pages and GET API answers
// are rendered once and then served from memory, with an ETag (304 on a match), gzip when the client takes it,
// and the page's own Cache-Control for browsers and shared caches. Concurrent misses of one address wait for
// one render. A successful write request (a vote, a cron run) drops everything at once; other processes' writes
// (CLI imports, another instance) show once an answer's s-maxage has passed. See docs/architecture.md, "Caching".
import type { IncomingMessage, ServerResponse } from "node:http";
import { cachedFrom, replay, send, sendingFacts } from "./cached-answer";
import { captureResponse } from "./capture-response";
import { invalidatesCache, isCacheableRequest, keepingOf } from "./cache-rules";
import { createResponseStore, type CachedResponse, type ResponseStore } from "./response-store";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface ResponseCache {
  handle: Handler;
  store: ResponseStore;
}

/** The methods through which an answer's status line can first leave (Next streams bodies: end may come later). */
const FIRST_OUTPUT = ["writeHead", "flushHeaders", "write", "end"] as const;

/**
 * Drops the cache when the handler starts answering a write successfully: its data has committed by then, and
 * the client cannot ask again before it has the status line. Not at the end: a streamed body can end after the
 * client, holding the status, has already asked for the page again.
 */
function invalidateOnAnswer(res: ServerResponse, store: ResponseStore): void {
  const originals = FIRST_OUTPUT.map((name) => [name, res[name]] as const);
  for (const [name, original] of originals)
    Object.assign(res, {
      [name]: (...args: unknown[]) => {
        const status = name === "writeHead" && typeof args[0] === "number" ? args[0] : res.statusCode;
        for (const [restored, method] of originals) Object.assign(res, { [restored]: method });
        if (status < 400) store.invalidate();
        return (original as (...callArgs: unknown[]) => unknown).apply(res, args);
      },
    });
}

/** Wraps `handler` with a cache of `maxBytes`; with 0 it only passes requests through. */
export function createResponseCache(handler: Handler, { maxBytes }: { maxBytes: number }): ResponseCache {
  const store = createResponseStore({ maxBytes });
  /** Renders in progress, by key: later requests for the same address wait for them. */
  const rendering = new Map<string, Promise<CachedResponse | null>>();

  /** Renders through `handler` with `res` captured, keeps the answer if it may, and sends it. */
  async function fill(req: IncomingMessage, res: ServerResponse, key: string): Promise<CachedResponse | null> {
    const request = sendingFacts(req);
    // The kept answer must be the whole, uncompressed entity, whatever this client already has or accepts.
    delete req.headers["if-none-match"];
    delete req.headers["if-modified-since"];
    delete req.headers["accept-encoding"];
    const serverHeaders = new Set(res.getHeaderNames());
    const generation = store.generation;
    const captured = await captureResponse(res, () => handler(req, res));
    if (!captured) {
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      return null;
    }
    const keeping = keepingOf(
      captured.status,
      String(captured.headers["cache-control"] ?? ""),
      captured.headers["set-cookie"] !== undefined,
    );
    if (keeping === null) {
      replay(req, res, captured);
      return null;
    }
    const entry = cachedFrom(captured, keeping, serverHeaders, Date.now());
    store.set(key, entry, generation);
    send(req, res, entry, "MISS", request);
    return entry;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const facts = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers };
    if (invalidatesCache(facts)) {
      invalidateOnAnswer(res, store);
      await handler(req, res);
      return;
    }
    if (maxBytes === 0 || !isCacheableRequest(facts)) {
      await handler(req, res);
      return;
    }
    const key = facts.url;
    const request = sendingFacts(req);
    const kept = store.get(key, Date.now());
    if (kept?.fresh) return send(req, res, kept.response, "HIT", request);
    const inProgress = rendering.get(key);
    // Past its freshness: one request renders it again, the others meanwhile get the stale answer.
    if (kept && inProgress) return send(req, res, kept.response, "STALE", request);
    if (inProgress) {
      const rendered = await inProgress;
      if (rendered) return send(req, res, rendered, "HIT", request);
    }
    // A HEAD fills nothing (Next answers it without a body); an answer that may not be kept is rendered per request.
    if (req.method === "HEAD" || inProgress) {
      await handler(req, res);
      return;
    }
    const render = fill(req, res, key).finally(() => rendering.delete(key));
    rendering.set(key, render);
    await render;
  }

  return { handle, store };
}
