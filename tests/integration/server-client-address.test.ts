// Per-client limits hold through a real server however the client sets X-Forwarded-For or drops its cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";

let direct: AppServer;
let proxied: AppServer;
beforeAll(async () => {
  direct = await startAppServer({ port: 3511 });
  proxied = await startAppServer({ port: 3512, env: { TRUSTED_PROXIES: "1" } });
}, BUILD_TIMEOUT_MS + 240_000);
afterAll(async () => {
  await direct?.stop();
  await proxied?.stop();
});

async function paperIds(server: AppServer, count: number): Promise<number[]> {
  const body = (await (await fetch(`${server.url}/api/papers?limit=${count}`)).json()) as { papers: { id: number }[] };
  return body.papers.map((p) => p.id);
}

const vote = (server: AppServer, id: number, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/papers/${id}/vote`, { method: "POST", headers: { accept: "application/json", ...headers } });

describe("client address", () => {
  it("ignores a forged X-Forwarded-For: rotating it gives one client no more than 30 votes a minute", async () => {
    const [id] = await paperIds(direct, 1);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await vote(direct, id!, { "x-forwarded-for": `198.51.100.${i + 1}` })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect(((await (await fetch(`${direct.url}/api/papers/${id}`)).json()) as { votes: number }).votes).toBe(30);
  });

  it("behind one trusted proxy, counts by the address the proxy appended, not the ones the client wrote", async () => {
    const [id] = await paperIds(proxied, 1);
    // The client's own words on the left, the proxy's entry last: every request is the same client.
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await vote(proxied, id!, { "x-forwarded-for": `10.0.${i}.1, 203.0.113.7` })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    // A different client behind the same proxy has its own allowance.
    expect((await vote(proxied, id!, { "x-forwarded-for": "203.0.113.8" })).status).toBe(200);
  });
});

describe("a request without a visitor cookie", () => {
  it("is not a free new voter: fresh identities are rationed per client, a reader with a cookie keeps voting", async () => {
    const ids = await paperIds(direct, 32);
    // Another client (behind the trusted-proxy server) so the first test's votes do not count here.
    const client = { "x-forwarded-for": "192.0.2.44" };
    let cookie = "";
    for (let i = 0; i < 30; i++) {
      const view = await fetch(`${proxied.url}/api/papers/${ids[i]}/view`, {
        method: "POST",
        headers: { ...client, "user-agent": "Mozilla/5.0 Firefox/140.0" },
      });
      expect(view.status).toBe(200);
      cookie ||= view.headers.get("set-cookie")?.split(";")[0] ?? "";
    }
    expect(cookie).toMatch(/^pd_visitor=/);
    // The 31st fresh identity from this client: the view still counts once (under the address), but mints no cookie...
    const beyond = await fetch(`${proxied.url}/api/papers/${ids[30]}/view`, {
      method: "POST",
      headers: { ...client, "user-agent": "Mozilla/5.0 Firefox/140.0" },
    });
    expect(beyond.status).toBe(200);
    expect(beyond.headers.get("set-cookie")).toBeNull();
    // ...and a cookieless vote is refused, while the reader holding a cookie votes as usual.
    expect((await vote(proxied, ids[31]!, client)).status).toBe(429);
    expect((await vote(proxied, ids[31]!, { ...client, cookie })).status).toBe(200);
  });
});
