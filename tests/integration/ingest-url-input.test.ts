// URLs given to the importer are downloaded to a temporary file as they arrive and read from there like
// files: the body never sits in memory, INGEST_MAX_MB caps it, and the copy is removed afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InputReadError, readInputs } from "../../src/server/ingest/read-inputs";
import { runIngest } from "../../src/server/ingest/run-ingest";
import { startFeedServer, type FeedServer } from "../helpers/feed-server";
import { fixture } from "../helpers/ingest-fixtures";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-26T12:00:00Z");

let server: FeedServer;
let temp: TempDb;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  temp = await createTempDb();
});
afterEach(() => temp.cleanup());

async function piecesOf(input: { read: () => AsyncIterable<string> }): Promise<string> {
  let text = "";
  for await (const piece of input.read()) text += piece;
  return text;
}

describe("URL inputs", () => {
  it("are downloaded once, read as often as needed, imported, and their copy removed", async () => {
    const body = fixture("arxiv-metadata-snapshot.jsonl");
    server.script("/snapshot.jsonl", [{ body, headers: { "Content-Type": "application/x-ndjson" } }]);
    // A temporary folder of this test's own, so the download can be watched.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "url-input-"));
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const opened = await readInputs([`${server.url}/snapshot.jsonl`], 1024 * 1024).finally(() => {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    });
    expect(fs.readdirSync(tmp)).toHaveLength(1);
    const [input] = opened.inputs;
    expect(await piecesOf(input!)).toBe(body);
    const summary = await runIngest({ store: temp.store, halfLifeHours: 24, now: NOW, inputs: opened.inputs });
    expect(server.requests.filter((r) => r.path === "/snapshot.jsonl")).toHaveLength(1);
    expect(summary).toMatchObject({
      added: 5,
      inputs: [{ name: `${server.url}/snapshot.jsonl`, format: "arxiv-jsonl", papers: 5 }],
    });
    expect(summary.rejected.map((r) => [r.unit, r.position])).toEqual([
      ["line", 5],
      ["line", 7],
    ]);
    await opened.close();
    expect(fs.readdirSync(tmp)).toEqual([]);
    fs.rmdirSync(tmp);
  });

  it("over INGEST_MAX_MB are refused with the limit named", async () => {
    server.script("/big.jsonl", [{ body: fixture("arxiv-metadata-snapshot.jsonl").repeat(50) }]);
    const attempt = readInputs([`${server.url}/big.jsonl`], 64 * 1024);
    await expect(attempt).rejects.toThrow(InputReadError);
    await expect(readInputs([`${server.url}/big.jsonl`], 64 * 1024)).rejects.toThrow(
      /big\.jsonl: response (of \d+ bytes )?is over the 65536-byte limit \(INGEST_MAX_MB\)/,
    );
  });
});
