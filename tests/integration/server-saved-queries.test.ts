// Through a real server (the production build on the sample papers plus a few with authors): an author's
// page, their Atom feed and the API agree, whatever the spelling of the name; a saved query's bad input is a
// 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorKey } from "../../src/domain/authors/author-key";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { ensureBuilt, startNext, type AppProcess } from "../helpers/app-process";
import { appEnv } from "../helpers/app-env";
import { freePort } from "../helpers/free-port";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date();
const AUTHOR = "José García-Müller";
let temp: TempDb;
let server: AppProcess;

beforeAll(async () => {
  await ensureBuilt();
  temp = await createTempDb();
  await loadSampleIfEmpty(temp.store, NOW, 24);
  // Five papers by one author, written three ways, ranked apart on a source list: a trending order to keep.
  const spellings = [AUTHOR, "Jose Garcia-Muller", "JOSÉ  GARCÍA-MÜLLER"];
  await temp.store.papers.addPapers(
    Array.from({ length: 5 }, (_, i) => ({
      title: `Sparse adapters, part ${i + 1}`,
      abstract: `Part ${i + 1} of a study of sparse adapters for language models.`,
      authors: [spellings[i % 3]!, `Coauthor ${i}`],
      publishedAt: new Date(NOW.getTime() - i * 3_600_000),
      sourceRank: 5 - i,
    })),
    { source: "hf", now: NOW, halfLifeHours: 24 },
  );
  const port = await freePort();
  server = await startNext(port, appEnv(temp, port));
}, 900_000);
afterAll(async () => {
  await server?.stop();
  await temp?.cleanup();
});

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

describe("authors", () => {
  it("the author page, the feed and the API list the same papers in the same order", async () => {
    const name = AUTHOR;
    // Another spelling of the same name: no accents, lower case, doubled spaces.
    const param = new URLSearchParams({ author: "jose  garcia-muller", window: "all", limit: "100" });

    const fromApi = await api(param.toString());
    expect(fromApi).toHaveLength(5);
    for (const paper of fromApi) expect(paper.authors.map(authorKey)).toContain(authorKey(name));

    const feed = await fetch(`${server.url}/feed.xml?${param}`);
    expect(feed.status).toBe(200);
    const fromFeed = slugsIn(await feed.text(), /<link href="[^"]*\/papers\/([^"]+)" rel="alternate"/g);

    const page = await fetch(`${server.url}/authors/${authorKey(name)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Shown as the papers most often write it.
    expect(html).toContain(`>${name}</h1>`);
    expect(authorKey(name)).toBe("jose-garcia-muller");
    const fromPage = slugsIn(html, /<h2 id="paper-\d+-title"[^>]*><a href="\/papers\/([^"]+)"/g);

    const slugs = fromApi.map((p) => p.slug);
    expect(fromFeed).toEqual(slugs);
    expect(fromPage).toEqual(slugs);

    // Cards link their authors to these pages.
    const home = await (await fetch(`${server.url}/?${param}`)).text();
    expect(home).toContain(`href="/authors/${authorKey(name)}"`);
    expect(slugsIn(home, /<h2 id="paper-\d+-title"[^>]*><a href="\/papers\/([^"]+)"/g)).toEqual(slugs);
    const paperPage = await (await fetch(`${server.url}/papers/${slugs[0]}`)).text();
    expect(paperPage).toContain(`href="/authors/${authorKey(name)}"`);
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
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "form@example.com", weekday: "funday" }),
    });
    expect(form.status).toBe(400);
    const page = await form.text();
    expect(page).toContain("The weekday is one of mon, tue, wed, thu, fri, sat, sun.");
    expect(page).toContain("<strong>weekday</strong>");
  });

  it("the /subscribe page's own form post: refused, the page again with the error and what was typed", async () => {
    const posted = (fields: Record<string, string>) =>
      fetch(`${server.url}/subscribe`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    const refused = await posted({
      email: "again@example.com",
      query: "low-rank adaptation",
      authors: "Edward J. Hu",
      cadence: "weekly",
      weekday: "someday",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("<h1");
    expect(html).toMatch(/role="alert"[^>]*>The weekday is one of mon, tue, wed, thu, fri, sat, sun\. \(weekday\)</);
    expect(html).toContain('value="again@example.com"');
    expect(html).toContain('value="low-rank adaptation"');
    expect(html).toContain('value="Edward J. Hu"');
    const accepted = await posted({ email: "again@example.com", query: "low-rank adaptation", cadence: "weekly" });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toMatch(/\/subscribe\/check-inbox$/);
  });

  it("accepts an empty saved query: everything trending", async () => {
    const response = await post({ email: "everything@example.com", topics: [], query: "", authors: [] });
    expect(response.status).toBe(202);
  });
});
