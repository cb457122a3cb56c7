// One kept answer of the response cache: built from what the handler answered (its own headers, a weak ETag from
// the body's hash, a gzip copy) and sent to a client (304 when its copy matches, gzip when it takes it).
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import type { CapturedResponse } from "./capture-response";
import type { CachedResponse } from "./response-store";

/** What of the request decides how a kept answer is sent (read before the request is handed on). */
export interface SendingFacts {
  ifNoneMatch: string;
  acceptEncoding: string;
}

/** Not kept: they describe one transfer, or the cache sets its own. */
const TRANSFER_HEADERS = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "age",
  "x-cache",
]);
/** Smaller bodies are sent as they are: gzip would save little. */
const GZIP_MIN_BYTES = 1024;

/** The facts of `req` that decide how a kept answer is sent to it. */
export function sendingFacts(req: IncomingMessage): SendingFacts {
  return { ifNoneMatch: header(req, "if-none-match"), acceptEncoding: header(req, "accept-encoding") };
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

function acceptsGzip(acceptEncoding: string): boolean {
  return /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0+)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(acceptEncoding);
}

/** Whether If-None-Match names this entity (weak comparison, as for GET). */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

function withAcceptEncoding(vary: string | string[] | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(",") : (vary ?? "")).split(",").map((name) => name.trim());
  const kept = names.filter(Boolean);
  return kept.some((name) => name.toLowerCase() === "accept-encoding")
    ? kept.join(", ")
    : [...kept, "Accept-Encoding"].join(", ");
}

/** The answer to keep, from a captured one; headers the server set before the handler ran are not its own. */
export function cachedFrom(
  captured: CapturedResponse,
  keeping: { freshForMs: number; staleForMs: number },
  serverHeaders: Set<string>,
  now: number,
): CachedResponse {
  const headers: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(captured.headers)) {
    if (value === undefined || TRANSFER_HEADERS.has(name) || serverHeaders.has(name)) continue;
    headers.push([name, typeof value === "number" ? String(value) : value]);
  }
  const vary = headers.find(([name]) => name === "vary");
  if (vary) vary[1] = withAcceptEncoding(vary[1]);
  else headers.push(["vary", "Accept-Encoding"]);
  const hash = crypto.createHash("sha256").update(captured.body).digest("base64url").slice(0, 27);
  return {
    status: captured.status,
    headers,
    body: captured.body,
    gzipped: captured.body.length >= GZIP_MIN_BYTES ? zlib.gzipSync(captured.body) : null,
    etag: `W/"${hash}"`,
    storedAt: now,
    ...keeping,
  };
}

/** Sends a kept answer: 304 when the client's copy matches, else the body (gzipped when accepted). */
export function send(
  req: IncomingMessage,
  res: ServerResponse,
  entry: CachedResponse,
  outcome: "HIT" | "STALE" | "MISS",
  request: SendingFacts,
): void {
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader("ETag", entry.etag);
  res.setHeader("Age", String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))));
  res.setHeader("X-Cache", outcome);
  if (request.ifNoneMatch && matches(request.ifNoneMatch, entry.etag)) {
    res.removeHeader("content-type");
    res.writeHead(304).end();
    return;
  }
  const gzip = entry.gzipped !== null && acceptsGzip(request.acceptEncoding);
  const body = gzip ? entry.gzipped! : entry.body;
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", String(body.length));
  res.writeHead(entry.status);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Sends a captured answer that is not to be kept, as the handler made it. */
export function replay(req: IncomingMessage, res: ServerResponse, captured: CapturedResponse): void {
  res.setHeader("Content-Length", String(captured.body.length));
  res.writeHead(captured.status);
  res.end(req.method === "HEAD" ? undefined : captured.body);
}
