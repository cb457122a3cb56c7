// `npm run ingest` while the built server serves the same database: the import migrates nothing twice,
// waits its turn for the write lock, exits 0, and the server shows the papers, their topics and related lists.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleIfEmpty } from "../../src/server/papers/sample-data";
import { ensureBuilt, ROOT, runNpm, startNext, type AppProcess } from "../helpers/app-process";
import { appEnv } from "../helpers/app-env";
import { freePort } from "../helpers/free-port";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
let server: AppProcess;
let PORT: number;

beforeAll(async () => {
  await ensureBuilt();
  temp = await createTempDb();
  await loadSampleIfEmpty(temp.store, new Date(), 24);
  PORT = await freePort();
  server = await startNext(PORT, appEnv(temp, PORT));
}, 600_000);
afterAll(async () => {
  await server?.stop();
  await temp?.cleanup();
});

describe("npm run ingest beside the running server", () => {
  it("exits 0 and the server's API shows the new papers with topics and related lists", async () => {
    // A pages-router page first: the server has the database open before the import starts.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const fixture = path.join(ROOT, "tests/fixtures/ingest/arxiv-api-page.xml");
    const ingest = await runNpm("ingest", [fixture], appEnv(temp, PORT));
    // One of the four is in the sample already: it is merged, not duplicated.
    expect(ingest.output).toMatch(/added\s+3\n\s+merged\s+1/);
    expect(ingest.code).toBe(0);

    const added = await temp.db.paper.findMany({
      where: { sourceName: "arxiv" },
      select: { id: true, titleText: true },
    });
    expect(added).toHaveLength(3);
    const topicSlugs = new Set<string>();
    for (const paper of added) {
      const response = await fetch(`${server.url}/api/papers/${paper.id}`);
      expect(response.status).toBe(200);
      const detail = (await response.json()) as {
        title: string;
        topics: { slug: string }[];
        related: { id: number }[];
      };
      expect(detail.title).toBe(paper.titleText);
      expect(detail.related.length).toBeGreaterThan(0);
      detail.topics.forEach((topic) => topicSlugs.add(topic.slug));
    }
    expect(topicSlugs.size).toBeGreaterThan(0);
    const topics = (await (await fetch(`${server.url}/api/topics`)).json()) as { topics: { slug: string }[] };
    expect(topics.topics.map((t) => t.slug)).toEqual(expect.arrayContaining([...topicSlugs]));
  }, 300_000);

  it("shows another process's import in answers it had cached, once they have aged out (s-maxage)", async () => {
    const listing = `${server.url}/api/papers?window=all&limit=1`;
    const total = async () => ((await (await fetch(listing)).json()) as { total: number }).total;
    const before = await total();
    expect((await fetch(listing)).headers.get("x-cache")).toBe("HIT");
    const fixture = path.join(ROOT, "tests/fixtures/ingest/hf-daily-papers.json");
    const ingest = await runNpm("ingest", [fixture], appEnv(temp, PORT));
    expect(ingest.code).toBe(0);
    const added = Number(/added\s+(\d+)/.exec(ingest.output)?.[1]);
    expect(added).toBeGreaterThan(0);
    // The import wrote through its own connection: this server learns of it when its cached answer is too old.
    await expect.poll(total, { interval: 1_000, timeout: 60_000 }).toBe(before + added);
  }, 300_000);
});
