// Confirmation takes a click, not a fetch: through a real server, opening the emailed link changes nothing,
// the page's button (a same-origin form post) confirms, and a used, replaced or expired link gets no button.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../src/env";
import { manageToken } from "../../src/server/subscriptions/links";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";
import { freePort } from "../helpers/free-port";
import { confirmationTokenFor } from "../helpers/outbox-mail";

// Shared with the server, so the test can derive a subscriber's manage token as the mails do.
const SECRET_KEY = "confirm-click-test-secret-key-0123456789abcdef";
let server: AppServer;
beforeAll(async () => {
  process.env.SECRET_KEY = SECRET_KEY;
  resetEnvCache();
  server = await startAppServer({ port: await freePort(), env: { SECRET_KEY } });
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => server?.stop());

const origin = () => `http://localhost:${server.port}`;

function sql<T>(run: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, "paper-digest.db"), { timeout: 5000 });
  try {
    return run(db);
  } finally {
    db.close();
  }
}
const statusOf = (email: string) =>
  sql((db) => (db.prepare(`SELECT status FROM "Subscriber" WHERE email = ?`).get(email) as { status: string }).status);

/** Subscribes `email` and returns the token of the confirmation link the newest outbox mail to it carries. */
async function subscribe(email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/subscriptions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(202);
  return confirmationTokenFor(server.dataDir, email);
}

const open = (token: string) => fetch(`${server.url}/subscription/confirm?token=${token}`);
const click = (token: string, headers: Record<string, string> = { origin: origin() }) =>
  fetch(`${server.url}/api/subscriptions/confirm`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ token }),
    redirect: "manual",
  });

describe("confirmation by a click", () => {
  it("a GET shows a Confirm button and changes nothing; the POST confirms once; the used link has no button", async () => {
    const email = "click@example.com";
    const token = await subscribe(email);
    for (let i = 0; i < 3; i++) {
      const page = await open(token); // what a link scanner does
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Confirm subscription");
      expect(html).toContain(`action="/api/subscriptions/confirm"`);
    }
    expect(statusOf(email)).toBe("pending");

    const done = await click(token);
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain("You are subscribed");
    expect(html).toContain("/subscription?token=");
    expect(statusOf(email)).toBe("active");
    expect(
      sql((db) => db.prepare(`SELECT "confirmTokenHash" AS h FROM "Subscriber" WHERE email = ?`).get(email)),
    ).toEqual({ h: null });

    const again = await open(token);
    expect(again.status).toBe(404);
    const againHtml = await again.text();
    expect(againHtml).not.toContain("Confirm subscription</button>");
    expect(againHtml).not.toContain("/subscription?token=");
    const replay = await click(token);
    expect(replay.status).toBe(404);
    expect(await replay.text()).not.toContain("/subscription?token=");
  });

  it("refuses a cross-site post and confirms nothing", async () => {
    const email = "cross@example.com";
    const token = await subscribe(email);
    expect((await click(token, { origin: "https://evil.example" })).status).toBe(403);
    expect((await click(token, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await click(token, { origin: "null" })).status).toBe(403);
    expect((await click(token, { origin: "null", "sec-fetch-site": "same-site" })).status).toBe(403);
    expect(statusOf(email)).toBe("pending");
    // Our own no-referrer page makes the browser send Origin: null; Sec-Fetch-Site says it is ours.
    expect((await click(token, { origin: "null", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect(statusOf(email)).toBe("active");
  });

  it("an expired link answers 410 to the click and 404 to the page, with no button", async () => {
    const email = "late@example.com";
    const token = await subscribe(email);
    sql((db) =>
      db
        .prepare(`UPDATE "Subscriber" SET "confirmExpiresAt" = ? WHERE email = ?`)
        .run(new Date(Date.now() - 1000).toISOString(), email),
    );
    const page = await open(token);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Confirm subscription</button>");
    expect((await click(token)).status).toBe(410);
    expect(statusOf(email)).toBe("pending");
  });

  it("unknown and malformed tokens get 404 without a button", async () => {
    for (const token of ["x".repeat(43), "nope", "%00", "a".repeat(5000)]) {
      const page = await fetch(`${server.url}/subscription/confirm?token=${token}`);
      expect(page.status).toBe(404);
      expect(await page.text()).not.toContain("Confirm subscription</button>");
      expect((await click(token)).status).toBe(404);
    }
  });

  it("'make new links' voids the confirmation link too", async () => {
    const email = "rotate@example.com";
    const token = await subscribe(email);
    const row = sql((db) =>
      db.prepare(`SELECT id, "manageTokenHash" FROM "Subscriber" WHERE email = ?`).get(email),
    ) as { id: number; manageTokenHash: string };
    const rotate = await fetch(`${server.url}/api/subscriptions/manage`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: origin() },
      body: JSON.stringify({ token: manageToken(row), action: "rotate" }),
    });
    expect(rotate.status).toBe(200);
    expect((await open(token)).status).toBe(404);
    expect((await click(token)).status).toBe(404);
    expect(statusOf(email)).toBe("pending");
  });

  it("a suppressed address: the manage page says so; subscribing again and confirming lifts it", async () => {
    const email = "bounced@example.com";
    expect((await click(await subscribe(email))).status).toBe(200);
    sql((db) =>
      db
        .prepare(`UPDATE "Subscriber" SET "suppressedAt" = ?, "suppressReason" = ? WHERE email = ?`)
        .run(new Date().toISOString(), "Hard bounce: 550 5.1.1 User unknown", email),
    );
    const row = sql((db) =>
      db.prepare(`SELECT id, "manageTokenHash" FROM "Subscriber" WHERE email = ?`).get(email),
    ) as { id: number; manageTokenHash: string };
    const manage = async () => (await fetch(`${server.url}/subscription?token=${manageToken(row)}`)).text();
    expect(await manage()).toContain("Stopped: mail to this address bounced");

    const token = await subscribe(email);
    expect((await click(token)).status).toBe(200);
    expect(
      sql((db) => db.prepare(`SELECT status, "suppressedAt" AS s FROM "Subscriber" WHERE email = ?`).get(email)),
    ).toEqual({ status: "active", s: null });
    expect(await manage()).toContain("Active.");
  });
});
