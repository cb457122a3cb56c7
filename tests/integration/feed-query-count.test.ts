// A cache miss on the feed must stay cheap: the first page of / costs at most three SQL statements on a real
// store (page and total, papers with their topics, trending explanations), whatever the page size: no per-card
// query. Counted with the store's statement observer, on either engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../src/env";
import { loadHomePage } from "../../src/server/papers/home-page";
import { TOPIC_LISTS_TTL_MS } from "../../src/server/papers/topic-lists";
import { openStore } from "../../src/server/store/open-store";
import type { Store } from "../../src/server/store/store";
import { createSampleDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-20T12:00:00Z");

let temp: TempDb;
let store: Store;
const statements: string[] = [];

/** The statements one load of the home page sends, for the given address query. */
async function statementsOf(query: string, now = NOW): Promise<string[]> {
  statements.length = 0;
  const page = await loadHomePage(store, new URLSearchParams(query), now);
  expect(page.feed?.items.length).toBeGreaterThan(0);
  return [...statements];
}

beforeAll(async () => {
  temp = await createSampleDb(NOW);
  store = await openStore(temp.url, {
    halfLifeHours: env().TRENDING_HALF_LIFE_HOURS,
    onStatement: (sql) => statements.push(sql),
  });
  // A running server has read the topic lists before (they are kept for TOPIC_LISTS_TTL_MS).
  await statementsOf("");
});

afterAll(async () => {
  await store.close();
  await temp.cleanup();
});

describe("the feed's first page on a cache miss", () => {
  it("takes at most three statements", async () => {
    const sent = await statementsOf("");
    expect(sent.length, sent.join("\n---\n")).toBeLessThanOrEqual(3);
  });

  it("takes as many statements for 100 cards as for 5: none per card", async () => {
    const few = await statementsOf("limit=5&window=all");
    const many = await statementsOf("limit=100&window=all");
    expect(many.length).toBe(few.length);
    expect(many.length).toBeLessThanOrEqual(3);
  });

  it("reads the topic lists again once they are older than their time to live, in one statement", async () => {
    const warm = await statementsOf("");
    const later = await statementsOf("", new Date(NOW.getTime() + TOPIC_LISTS_TTL_MS));
    expect(later.length).toBe(warm.length + 1);
  });
});
