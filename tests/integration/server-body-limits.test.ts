// Every POST body is capped at 16 KB while it is read, through a real server: chunked bodies (no
// Content-Length) included. The answer is 413, nothing is written, and the server does not buffer the rest.
import http from "node:http";
import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ port: 3513 });
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => server?.stop());

/**
 * Sends `totalBytes` of `byte` as a chunked body (64 KB chunks, no Content-Length) and resolves with the status
 * and how many bytes had been written when the answer came.
 */
function postChunked(
  pathname: string,
  contentType: string,
  totalBytes: number,
  prefix = "",
): Promise<{ status: number; sentWhenAnswered: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${pathname}`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "transfer-encoding": "chunked",
        origin: server.url.replace("127.0.0.1", "localhost"),
      },
    });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(65_536, "a");
    request.on("response", (response) => {
      answered = true;
      const status = response.statusCode ?? 0;
      response.resume();
      resolve({ status, sentWhenAnswered: sent });
      request.destroy();
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (prefix) {
      request.write(prefix);
      sent += prefix.length;
    }
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

const counts = () => {
  const db = new Database(path.join(server.dataDir, "paper-digest.db"), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { subscribers: count("Subscriber"), votes: count("Vote"), views: count("PageView") };
  } finally {
    db.close();
  }
};

describe("bounded request bodies", () => {
  const before = () => counts();

  it.each([
    ["/api/subscriptions", "application/json", '{"email":"a@example.com","topics":["'],
    ["/api/subscriptions", "application/x-www-form-urlencoded", "email=a%40example.com&topics="],
    ["/api/subscriptions/manage", "application/json", '{"token":"'],
    ["/api/subscriptions/manage", "application/x-www-form-urlencoded", "action=pause&token="],
    ["/api/subscriptions/confirm", "application/x-www-form-urlencoded", "token="],
    ["/api/papers/1/vote", "application/x-www-form-urlencoded", "action=upvote&redirect=/"],
    ["/api/papers/1/view", "text/plain", ""],
    [
      "/unsubscribe?token=1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "application/x-www-form-urlencoded",
      "List-Unsubscribe=One-Click&x=",
    ],
  ])("POST %s (%s) past 16 KB, chunked, answers 413 and writes nothing", async (pathname, type, prefix) => {
    const start = before();
    const { status } = await postChunked(pathname, type, 200_000, prefix);
    expect(status).toBe(413);
    expect(counts()).toEqual(start);
  });

  it("answers a 64 MB chunked body with 413 long before the client has sent it", async () => {
    const { status, sentWhenAnswered } = await postChunked(
      "/api/subscriptions",
      "application/json",
      64 * 1024 * 1024,
      '{"email":"',
    );
    expect(status).toBe(413);
    expect(sentWhenAnswered).toBeLessThan(16 * 1024 * 1024);
  });

  it("still accepts a body under the cap", async () => {
    const response = await fetch(`${server.url}/api/subscriptions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "under-cap@example.com", topics: ["llm"] }),
    });
    expect(response.status).toBe(202);
  });
});
