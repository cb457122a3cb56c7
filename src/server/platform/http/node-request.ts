// A pages-router request (Node's IncomingMessage) as a web Request, for the handlers the route handlers use.
// The body is read until it passes the cap (the handler's own bounded read then refuses it as too large).
import type { IncomingMessage } from "node:http";
import { MAX_BODY_BYTES } from "./read-body";

export async function webRequestOf(req: IncomingMessage): Promise<{ request: Request; body: string }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > MAX_BODY_BYTES) break;
  }
  const bytes = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && name !== "content-length")
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method ?? "POST",
    headers,
    body: new Uint8Array(bytes),
  });
  return { request, body: bytes.toString("utf8") };
}
