// The response cache, through `npm start`'s script: public pages are the same for every visitor and carry no
// cookie, are served again from memory with an ETag (304 on a match), a vote shows on the feed and the paper
// page at once, and tokened or per-visitor answers are never kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";
import { freePort } from "../helpers/free-port";
import { confirmationTokenFor } from "../helpers/outbox-mail";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ port: await freePort() });
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => server?.stop());

interface ListedPaper {
  id: number;
  slug: string;
  votes: number;
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

async function feedPapers(): Promise<ListedPaper[]> {
  return ((await (await get("/api/papers?limit=20")).json()) as { papers: ListedPaper[] }).papers;
}

/** Upvotes as a new visitor; returns the visitor's cookie. */
async function upvote(paperId: number, cookie = ""): Promise<string> {
  const response = await fetch(`${server.url}/api/papers/${paperId}/vote`, {
    method: "POST",
    headers: { accept: "application/json", ...(cookie ? { cookie } : {}) },
  });
  expect(response.status).toBe(200);
  return cookie || response.headers.get("set-cookie")!.split(";")[0]!;
}

/** The count the vote button of `paperId` shows in a page's HTML. */
function shownVotes(html: string, paperId: number): number {
  const form = new RegExp(`data-vote="${paperId}"[\\s\\S]*?data-votes="(\\d+)"`).exec(html);
  if (!form) throw new Error(`no vote button for paper ${paperId}`);
  return Number(form[1]);
}

describe("cached pages", () => {
  it("are the same bytes for every visitor, set no cookie and say shared caches may keep them", async () => {
    const [paper] = await feedPapers();
    const voter = await upvote(paper!.id);
    for (const path of ["/", `/papers/${paper!.slug}`, "/?q=low%20rank%20adaptation", "/topics", "/digest"]) {
      const anonymous = await get(path);
      const known = await get(path, { cookie: voter });
      expect(anonymous.status, path).toBe(200);
      expect(await known.text(), path).toBe(await anonymous.text());
      for (const response of [anonymous, known]) {
        expect(response.headers.get("set-cookie"), path).toBeNull();
        expect(response.headers.get("cache-control"), path).toMatch(
          /^public, .*s-maxage=\d+, stale-while-revalidate=\d+/,
        );
      }
      expect(known.headers.get("x-cache"), path).toBe("HIT");
      expect(known.headers.get("etag"), path).toBe(anonymous.headers.get("etag"));
    }
  });

  it("answer 304 to a matching If-None-Match, and 200 with a new ETag once a vote changed the page", async () => {
    const [, paper] = await feedPapers();
    const path = `/papers/${paper!.slug}`;
    const first = await get(path);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    const unchanged = await get(path, { "if-none-match": etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(unchanged.headers.get("cache-control")).toContain("s-maxage=");
    await upvote(paper!.id);
    const changed = await get(path, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("show a vote at once: the feed, the paper page and the API have the new count on the next request", async () => {
    const paper = (await feedPapers())[2]!;
    const pagePath = `/papers/${paper.slug}`;
    // Both pages are in the cache before the vote.
    await get("/");
    await get(pagePath);
    expect((await get("/")).headers.get("x-cache")).toBe("HIT");
    const before = shownVotes(await (await get(pagePath)).text(), paper.id);
    await upvote(paper.id);
    const page = await get(pagePath);
    expect(page.headers.get("x-cache")).toBe("MISS");
    expect(shownVotes(await page.text(), paper.id)).toBe(before + 1);
    expect(shownVotes(await (await get("/")).text(), paper.id)).toBe(before + 1);
    expect((await feedPapers()).find((listed) => listed.id === paper.id)?.votes).toBe(before + 1);
  });

  it("serve gzip to clients that take it, with the same ETag", async () => {
    const plain = await get("/");
    const gzipped = await fetch(`${server.url}/`, { headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(await gzipped.text()).toBe(await plain.text());
    expect(gzipped.headers.get("etag")).toBe(plain.headers.get("etag"));
  });
});

describe("answers never kept", () => {
  it("a tokened page is private and rendered for each request", async () => {
    const email = "cache-reader@example.com";
    const subscribed = await fetch(`${server.url}/api/subscriptions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    expect(subscribed.status).toBe(202);
    const path = `/subscription/confirm?token=${await confirmationTokenFor(server.dataDir, email)}`;
    for (let i = 0; i < 2; i++) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.headers.get("cache-control")).toMatch(/private|no-store/);
      expect(page.headers.get("x-cache")).toBeNull();
    }
  });

  it("the per-visitor request is private, says which papers this visitor upvoted, with current counts", async () => {
    const [paper, other] = await feedPapers();
    const voter = await upvote(other!.id);
    const path = `/api/visitor/votes?papers=${paper!.id},${other!.id}`;
    const mine = await get(path, { cookie: voter });
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    expect(mine.headers.get("x-cache")).toBeNull();
    const votes = (await feedPapers()).find((listed) => listed.id === other!.id)!.votes;
    expect(await mine.json()).toEqual({
      voted: [other!.id],
      votes: { [paper!.id]: expect.any(Number), [other!.id]: votes },
    });
    expect(await (await get(path)).json()).toEqual({ voted: [], votes: {} });
    const bad = await get("/api/visitor/votes?papers=1,x");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("papers");
  });
});
