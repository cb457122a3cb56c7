// One listing, one order: the feed API, search without words, a topic page's list and the store's listing
// give the same papers in the same order (trending: trend key, then id; new: feed date, then id).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as apiPapers } from "../../src/app/api/papers/route";
import { windowStart } from "../../src/domain/feed-params";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { searchPapers } from "../../src/server/search/search-papers";
import { createRouteTestDb, request } from "../helpers/route";
import type { TempDb } from "../helpers/temp-db";

let temp: TempDb;
beforeAll(async () => {
  temp = await createRouteTestDb();
  await loadSampleIfEmpty(temp.store, new Date(), 24);
});
afterAll(async () => temp.cleanup());

describe("the listing order", () => {
  it("is the same for /?topic=x (API), search without words and the topic page", async () => {
    const [topic] = await temp.store.topics.listTopics();
    const detail = (await temp.store.topics.topicBySlug(topic!.slug))!;
    for (const sort of ["trending", "new"] as const) {
      const api = (await (
        await apiPapers(request(`/api/papers?topic=${detail.slug}&sort=${sort}&limit=100`))
      ).json()) as { papers: { id: number }[] };
      const search = await searchPapers(temp.store, {
        q: "",
        topic: detail.slug,
        sort,
        window: "all",
        limit: 100,
        offset: 0,
        now: new Date(),
      });
      const page = await temp.store.listing.listPapers({
        topicId: detail.id,
        order: sort,
        since: windowStart("all", new Date()),
        limit: 100,
        offset: 0,
      });
      const ids = page.papers.map((p) => p.id);
      expect(ids.length).toBeGreaterThan(1);
      expect(api.papers.map((p) => p.id)).toEqual(ids);
      expect(search.results.map((r) => r.paper.id)).toEqual(ids);
      const expected = [...page.papers].sort(
        sort === "trending"
          ? (a, b) => b.trendKey - a.trendKey || a.id - b.id
          : (a, b) => b.feedAt.getTime() - a.feedAt.getTime() || b.id - a.id,
      );
      expect(ids).toEqual(expected.map((p) => p.id));
    }
  });
});
