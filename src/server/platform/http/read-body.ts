// Request bodies with a byte cap counted while reading, so a chunked body (no Content-Length) or a lying
// Content-Length cannot make the server buffer more than the cap. Routes read the returned copy, never the original.
import { jsonError } from "@/server/platform/api-error";

/** Every form and JSON body this app accepts fits in 16 KB (a subscribe form with all topics is under 4 KB). */
export const MAX_BODY_BYTES = 16_384;

export type BoundedBody = { ok: true; request: Request } | { ok: false };

/** The request with its body read into memory, or not ok as soon as the body passes `maxBytes`. */
export async function boundedRequest(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > maxBytes) return discard(request);
  const bytes = request.body ? await readAtMost(request.body, maxBytes) : new Uint8Array();
  if (!bytes) return { ok: false };
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.method !== "GET" && request.method !== "HEAD") init.body = bytes;
  return { ok: true, request: new Request(request.url, init) };
}

async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null; // the client went away mid-body: nothing worth parsing
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function discard(request: Request): Promise<BoundedBody> {
  await request.body?.cancel().catch(() => {});
  return { ok: false };
}

/** The 413 of the JSON APIs. */
export function payloadTooLarge(): Response {
  return jsonError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
}
