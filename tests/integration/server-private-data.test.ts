// Quiet logs and private files, through `npm start`'s script: no secret and no subscriber address in its
// output, the data folder 0700 and every database and secret file 0600.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";
import { freePort } from "../helpers/free-port";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ port: await freePort() });
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => server?.stop());

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("logs and files", () => {
  it("never prints the generated cron secret or a subscriber's address", async () => {
    const email = "private-reader@example.com";
    const response = await fetch(`${server.url}/api/subscriptions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    expect(response.status).toBe(202);
    for (let i = 0; i < 50 && !server.output().includes("Mail written"); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain("Mail written");
    const cronSecret = fs.readFileSync(path.join(server.dataDir, "cron-secret"), "utf8");
    expect(cronSecret.length).toBeGreaterThanOrEqual(16);
    // The secret still works for cron calls; it just is not in the log.
    expect(
      (await fetch(`${server.url}/api/cron/ingest`, { headers: { authorization: `Bearer ${cronSecret}` } })).status,
    ).not.toBe(401);
    expect(server.output()).not.toContain(cronSecret);
    expect(server.output()).not.toContain(fs.readFileSync(path.join(server.dataDir, "secret-key"), "utf8"));
    expect(server.output()).not.toContain(email);
  });

  it("keeps the data folder 0700 and the database, its WAL and the secrets 0600", async () => {
    expect(mode(server.dataDir)).toBe(0o700);
    const files = fs
      .readdirSync(server.dataDir)
      .filter((f) => f.startsWith("paper-digest.db") || f === "secret-key" || f === "cron-secret");
    expect(files).toEqual(
      expect.arrayContaining(["paper-digest.db", "paper-digest.db-wal", "secret-key", "cron-secret"]),
    );
    for (const file of files) expect([file, mode(path.join(server.dataDir, file))]).toEqual([file, 0o600]);
  });
});
