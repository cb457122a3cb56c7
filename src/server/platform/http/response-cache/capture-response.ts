// Holds back what a handler writes to a ServerResponse (status, headers, body) instead of sending it, so the
// cache can keep the answer and send it itself with its own validators. The same technique as compression
// middleware: writeHead, write and end are replaced on this one response until the handler ends it.
import type { ServerResponse } from "node:http";

export interface CapturedResponse {
  status: number;
  headers: Record<string, string | number | string[] | undefined>;
  body: Buffer;
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : Buffer.from(chunk);
}

/** Headers passed to writeHead as an object, a [name, value] list or a flat list. */
function applyHeaders(res: ServerResponse, headers: unknown): void {
  if (!headers || typeof headers !== "object") return;
  if (!Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return;
  }
  if (headers.every(Array.isArray)) {
    for (const [name, value] of headers as [string, string][]) res.setHeader(name, value);
    return;
  }
  for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
}

/**
 * Runs `handler` with `res` captured; resolves with what it answered once it ends the response, or null when
 * the connection closed first. Afterwards `res` is an ordinary response again, with nothing sent yet.
 */
export function captureResponse(res: ServerResponse, handler: () => unknown): Promise<CapturedResponse | null> {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  const restore = () => Object.assign(res, original);
  return new Promise((resolve) => {
    const closedEarly = () => {
      restore();
      resolve(null);
    };
    res.once("close", closedEarly);
    res.flushHeaders = () => {};
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status;
      if (typeof rest[0] === "string") res.statusMessage = rest[0];
      applyHeaders(res, typeof rest[0] === "string" ? rest[1] : rest[0]);
      return res;
    }) as ServerResponse["writeHead"];
    res.write = ((chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) => {
      chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
      const done = typeof encoding === "function" ? encoding : callback;
      if (done) queueMicrotask(() => done());
      return true;
    }) as ServerResponse["write"];
    res.end = ((chunk?: Chunk | Callback, encoding?: BufferEncoding | Callback, callback?: Callback) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function")
        chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
      res.off("close", closedEarly);
      restore();
      resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      const done = [chunk, encoding, callback].find((arg): arg is Callback => typeof arg === "function");
      if (done) queueMicrotask(() => done());
      return res;
    }) as ServerResponse["end"];
    try {
      void Promise.resolve(handler()).catch(closedEarly);
    } catch {
      closedEarly();
    }
  });
}
