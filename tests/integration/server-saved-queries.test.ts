// Through a real server (`npm start` on the sample papers): an author's page, their Atom feed and the API
// agree, whatever the spelling of the name; a saved query's bad input is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorKey } from "../../src/domain/authors/author-key";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";
import { freePort } from "../helpers/free-port";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ port: await freePort() });
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => server?.stop());

interface ApiPaper {
  slug: string;
  authors: string[];
}
const api = async (query: string) => {
  const response = await fetch(`${server.url}/api/papers?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { papers: ApiPaper[] }).papers;
};
const slugsIn = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);

/** The sample's most prolific author, with their papers' slugs as the API lists them. */
async function prolificAuthor(): Promise<string> {
  const papers = await api("window=all&limit=100");
  const counts = new Map<string, { name: string; n: number }>();
  for (const name of papers.flatMap((p) => p.authors)) {
    const entry = counts.get(authorKey(name)) ?? { name, n: 0 };
    entry.n += 1;
    counts.set(authorKey(name), entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.name;
}

describe("authors", () => {
  it("the author page, the feed and the API list the same papers in the same order", async () => {
    const name = await prolificAuthor();
    // Another spelling of the same name: capitals, doubled spaces.
    const variant = name.toUpperCase().replace(/ /g, "  ");
    const param = new URLSearchParams({ author: variant, window: "all", limit: "100" });

    const fromApi = await api(param.toString());
    expect(fromApi.length).toBeGreaterThan(1);
    for (const paper of fromApi) expect(paper.authors.map(authorKey)).toContain(authorKey(name));

    const feed = await fetch(`${server.url}/feed.xml?${param}`);
    expect(feed.status).toBe(200);
    const fromFeed = slugsIn(await feed.text(), /<link href="[^"]*\/papers\/([^"]+)" rel="alternate"/g);

    const page = await fetch(`${server.url}/authors/${authorKey(name)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`>${name}</h1>`);
    const fromPage = slugsIn(html, /<h2 id="paper-\d+-title"[^>]*><a href="\/papers\/([^"]+)"/g);

    const slugs = fromApi.map((p) => p.slug);
    expect(fromFeed).toEqual(slugs);
    expect(fromPage).toEqual(slugs);

    // Cards link their authors to these pages.
    const home = await (await fetch(`${server.url}/?${param}`)).text();
    expect(home).toContain(`href="/authors/${authorKey(name)}"`);
    expect(slugsIn(home, /<h2 id="paper-\d+-title"[^>]*><a href="\/papers\/([^"]+)"/g)).toEqual(slugs.slice(0, 20));
  });

  it("answers 404 for an author no paper names", async () => {
    expect((await fetch(`${server.url}/authors/nobody-at-all-here`)).status).toBe(404);
    expect(await api("author=Nobody%20At%20All&window=all")).toEqual([]);
  });
});

describe("saved queries: bad input", () => {
  const post = (body: unknown) =>
    fetch(`${server.url}/api/subscriptions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("answers 400 naming the field, never a 500", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ query: "x".repeat(201) }, "query"],
      [{ authors: Array.from({ length: 21 }, (_, i) => `Author ${i}`) }, "authors"],
      [{ topics: Array.from({ length: 21 }, (_, i) => `topic ${i}`) }, "topics"],
      [{ weekday: "someday" }, "weekday"],
      [{ cadence: "hourly" }, "cadence"],
    ];
    for (const [extra, field] of cases) {
      const response = await post({ email: `bad-${field}@example.com`, ...extra });
      expect(response.status, field).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_parameter", field } });
    }
    const form = await fetch(`${server.url}/api/subscriptions`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams({ email: "form@example.com", weekday: "funday" }),
    });
    expect(form.status).toBe(400);
    const page = await form.text();
    expect(page).toContain("The weekday is one of mon, tue, wed, thu, fri, sat, sun.");
    expect(page).toContain("<strong>weekday</strong>");
  });

  it("accepts an empty saved query: everything trending", async () => {
    const response = await post({ email: "everything@example.com", topics: [], query: "", authors: [] });
    expect(response.status).toBe(202);
  });
});
