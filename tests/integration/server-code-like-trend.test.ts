// Code links, ?like= and the trend sparkline through the deployed app (`npm start`'s script on the sample):
// the page, the Atom feed and the API agree on ?has=code; ?like= answers on the page and the API alike;
// the paper page carries the sparkline and the form, with no inline script.
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";
import { freePort } from "../helpers/free-port";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ port: await freePort() });
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => server?.stop());

const get = (path: string) => fetch(`${server.url}${path}`);
const slugsOnPage = (html: string) =>
  [...html.matchAll(/<h2 id="paper-\d+-title"[^>]*><a href="\/papers\/([^"]+)"/g)].map((m) => m[1]!);

describe("?has=code through the server", () => {
  it("the page, the Atom feed and the API list the same 41 papers with code, in the same order", async () => {
    const api = (await (await get("/api/papers?has=code&window=all&limit=100")).json()) as {
      papers: { slug: string; code: string | null; url: string }[];
      total: number;
    };
    expect(api.total).toBe(41);
    expect(api.papers.every((p) => p.code?.startsWith("https://github.com/"))).toBe(true);

    const xml = await (await get("/feed.xml?has=code&window=all&limit=100")).text();
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      isArray: (n) => n === "entry" || n === "link",
    });
    const entries = parser.parse(xml).feed.entry as { link: { "@href": string }[] }[];
    expect(entries.map((e) => e.link[0]!["@href"])).toEqual(api.papers.map((p) => p.url));

    const pages: string[] = [];
    let next: string | null = "/?has=code&window=all";
    while (next) {
      const html = await (await get(next)).text();
      pages.push(...slugsOnPage(html));
      next = /<a[^>]*href="([^"]*cursor=[^"]*)"[^>]*>\s*Next page/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;
    }
    expect(pages).toEqual(api.papers.map((p) => p.slug));
    const first = await (await get("/?has=code&window=all")).text();
    expect(first).toContain(`href="${api.papers[0]!.code}"`);
    expect(first).toContain(">Code</a>");
  });

  it("answers has=anything-else with a 400 naming the field", async () => {
    const response = await get("/api/papers?has=slides");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe("has");
  });
});

describe("?like= and the paper page through the server", () => {
  const paragraph =
    "We freeze the pretrained weights of a large language model and fine-tune it for a downstream task by " +
    "injecting small trainable low-rank matrices beside each weight matrix, so only a tiny fraction of the " +
    "parameters is trained and the adapters can be merged back after training.";

  it("ranks the same papers on the page and the API", async () => {
    const query = new URLSearchParams({ like: paragraph, window: "all" });
    const api = (await (await get(`/api/papers?${query}`)).json()) as { papers: { slug: string }[] };
    const html = await (await get(`/?${query}`)).text();
    expect(html).toContain("Papers like your text");
    expect(slugsOnPage(html)).toEqual(api.papers.map((p) => p.slug));
    expect(api.papers.map((p) => p.slug)).toContain("lora-low-rank-adaptation-of-large-language-models");
    const tooLong = await get(`/api/papers?${new URLSearchParams({ like: "x".repeat(5001) })}`);
    expect(tooLong.status).toBe(400);
  });

  it("shows the sparkline with 14 stated scores and the More like this form, with no inline script", async () => {
    const slug = "lora-low-rank-adaptation-of-large-language-models";
    const html = await (await get(`/papers/${slug}`)).text();
    const description = /<desc id="trend-desc">([^<]*)<\/desc>/.exec(html)?.[1] ?? "";
    expect([...description.matchAll(/\d{4}-\d{2}-\d{2}: \d+(\.\d+)?/g)]).toHaveLength(14);
    expect(html).toMatch(
      /<form[^>]*action="\/" method="get"><label for="like-text"[^>]*>[^<]*<\/label><textarea id="like-text" name="like"/,
    );
    expect(html).not.toMatch(/<script(?![^>]*(src=|application\/ld\+json))[^>]*>/);
  });
});
