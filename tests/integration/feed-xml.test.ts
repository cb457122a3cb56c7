import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../src/app/feed.xml/route";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { createRouteTestDb, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "link", "author"].includes(name),
});

beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date(), 24);
  // A topic of our own, with a label that needs escaping, over the first three sample papers.
  const papers = await temp.db.paper.findMany({ orderBy: { id: "asc" }, take: 3, select: { id: true } });
  await temp.db.topic.create({
    data: {
      slug: "feed-test",
      label: "Feeds <&> Tests",
      kind: "phrase",
      paperCount: 3,
      papers: { create: papers.map((p) => ({ paperId: p.id })) },
    },
  });
});
afterAll(() => temp.cleanup());

async function feed(query = "") {
  const response = await GET(request(`/feed.xml${query}`));
  const text = await response.text();
  return { response, text };
}

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed;
}

describe("GET /feed.xml", () => {
  it("serves the trending feed as valid Atom with a cache header", async () => {
    const { response, text } = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const atom = parse(text);
    expect(atom.title["#text"]).toBe("paper-digest: trending papers");
    expect(atom.link.find((l: Record<string, string>) => l["@rel"] === "self")["@href"]).toMatch(/\/feed\.xml$/);
    expect(atom.entry).toHaveLength(50);
    for (const entry of atom.entry) {
      expect(entry.id).toMatch(/^tag:[^,]+,2026:paper:\d+$/);
      expect(entry.title["#text"].length).toBeGreaterThan(0);
      expect(entry.summary["#text"].length).toBeGreaterThan(0);
      expect(new Date(entry.updated).toISOString()).toBe(entry.updated);
      expect(entry.link[0]["@href"]).toMatch(/\/papers\/[a-z0-9-]+$/);
    }
  });

  it("keeps entry ids and the feed id stable across requests", async () => {
    const first = parse((await feed()).text);
    const second = parse((await feed()).text);
    expect(second.id).toBe(first.id);
    expect(second.updated).toBe(first.updated);
    expect(second.entry.map((e: { id: string }) => e.id)).toEqual(first.entry.map((e: { id: string }) => e.id));
  });

  it("serves a topic's feed, escaping the topic's label", async () => {
    const { response, text } = await feed("?topic=feed-test&window=all");
    expect(response.status).toBe(200);
    expect(text).toContain("Feeds &lt;&amp;&gt; Tests");
    const atom = parse(text);
    expect(atom.title["#text"]).toBe("paper-digest: Feeds <&> Tests");
    expect(atom.entry).toHaveLength(3);
  });

  it("serves a search feed named after the query", async () => {
    const { response, text } = await feed("?q=low-rank%20%3Cadaptation%3E&window=all");
    expect(response.status).toBe(200);
    const atom = parse(text);
    expect(atom.title["#text"]).toBe("paper-digest: search “low-rank <adaptation>”");
    expect(atom.id).toContain("q=low-rank+%3Cadaptation%3E");
  });

  it("answers 404 JSON for an unknown topic", async () => {
    const { response, text } = await feed("?topic=no-such-topic");
    expect(response.status).toBe(404);
    expect(JSON.parse(text).error).toMatchObject({ code: "unknown_topic", field: "topic" });
  });

  it.each([
    ["?limit=0", "limit"],
    ["?window=year", "window"],
    ["?topic=Not%20A%20Slug", "topic"],
    ["?sort=random", "sort"],
  ])("answers 400 naming the field for %s", async (query, field) => {
    const { response, text } = await feed(query);
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error).toMatchObject({ code: "invalid_parameter", field });
  });
});
