// A local HTTP server that plays scripted responses per path and records every request it gets.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedResponse {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer: the client's timeout is the only way out. */
  hang?: boolean;
}

export interface RecordedRequest {
  path: string;
  at: number;
  userAgent: string | undefined;
}

export interface FeedServer {
  url: string;
  requests: RecordedRequest[];
  /** Responses for a path (with query), played in order; the last one repeats. */
  script(pathWithQuery: string, responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const scripts = new Map<string, ScriptedResponse[]>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, at: Date.now(), userAgent: req.headers["user-agent"] });
    const queue = scripts.get(path);
    const next = queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? { status: 404, body: "not found" });
    if (next.hang) return;
    res.writeHead(next.status ?? 200, { "Content-Type": "application/xml", ...next.headers });
    res.end(next.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (path, responses) => scripts.set(path, [...responses]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
