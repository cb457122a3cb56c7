// The built server answers the cron routes in any request order: after a pages-router page was served
// first (a separate bundle of the app), and before any page was. Both routers share one store per process.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT, startNext, type AppProcess } from "../helpers/app-process";
import { appEnv, bearer } from "../helpers/app-env";
import { addPapers, addReaders } from "../helpers/digest-fixtures";
import { startFeedServer, type FeedServer } from "../helpers/feed-server";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const FEED_PATH = "/api/query?search_query=cat:cs.CL";
let feeds: FeedServer;

beforeAll(async () => {
  await ensureBuilt();
  feeds = await startFeedServer();
  feeds.script(FEED_PATH, [
    { body: fs.readFileSync(path.join(ROOT, "tests/fixtures/ingest/arxiv-api-page.xml"), "utf8") },
  ]);
}, 600_000);
afterAll(async () => feeds?.close());

interface Running {
  temp: TempDb;
  smtp: SmtpCatcher;
  server: AppProcess;
}

async function startServer(port: number): Promise<Running> {
  const temp = await createTempDb();
  await addPapers(temp.db, 5, new Date(Date.now() - 2 * 3_600_000));
  await addReaders(temp.db, 2);
  const smtp = await startSmtpCatcher();
  const server = await startNext(
    port,
    appEnv(temp, port, { SMTP_URL: smtp.url, INGEST_SOURCES: `${feeds.url}${FEED_PATH}` }),
  );
  return { temp, smtp, server };
}

async function stop({ temp, smtp, server }: Running): Promise<void> {
  await server.stop();
  await smtp.close();
  await temp.cleanup();
}

async function cronDigest({ server, smtp }: Running): Promise<void> {
  const response = await fetch(`${server.url}/api/cron/digest`, { headers: bearer });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ sent: 2, failed: 0 });
  expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["reader1@example.com", "reader2@example.com"]);
}

async function cronIngest({ server, temp }: Running): Promise<void> {
  const response = await fetch(`${server.url}/api/cron/ingest`, { headers: bearer });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ sources: [{ status: "ok", added: 4 }] });
  // Indexed as part of the import: nothing left pending, and the new papers have related lists.
  expect(await temp.db.pendingIndex.count()).toBe(0);
  const lora = await temp.db.paper.findFirstOrThrow({ where: { title: { startsWith: "LoRA" } } });
  expect(await temp.db.relatedPaper.count({ where: { paperId: lora.id } })).toBeGreaterThan(0);
}

describe("cron routes in any request order", () => {
  it("answers /api/cron/digest and /api/cron/ingest after a pages-router page was served first", async () => {
    const running = await startServer(3312);
    try {
      expect((await fetch(`${running.server.url}/`)).status).toBe(200);
      await cronDigest(running);
      await cronIngest(running);
    } finally {
      await stop(running);
    }
  }, 300_000);

  it("answers them before any page, and the pages afterwards", async () => {
    const running = await startServer(3313);
    try {
      await cronIngest(running);
      await cronDigest(running);
      expect((await fetch(`${running.server.url}/`)).status).toBe(200);
      const lora = await running.temp.db.paper.findFirstOrThrow({ where: { title: { startsWith: "LoRA" } } });
      expect((await fetch(`${running.server.url}/papers/${lora.slug}`)).status).toBe(200);
    } finally {
      await stop(running);
    }
  }, 300_000);
});
