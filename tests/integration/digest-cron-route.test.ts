// GET /api/cron/digest and GET /r/<token>, called as Next calls them, on a temporary db and real SMTP.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as cronDigest } from "../../src/app/api/cron/digest/route";
import { GET as clickRoute } from "../../src/app/r/[token]/route";
import { resetEnvCache } from "../../src/env";
import { clickToken } from "../../src/server/digest/click-token";
import { createMailer, useMailer } from "../../src/server/platform/mailer";
import type { Mailer } from "../../src/server/platform/mail-types";
import { addPaper, addReaders, finishedRun, HOUR, NOW } from "../helpers/digest-fixtures";
import { createRouteTestDb, params, request } from "../helpers/route";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import type { TempDb } from "../helpers/temp-db";

const SECRET = "cron-secret-for-digest-tests-0123";
process.env.SECRET_KEY = "digest-test-secret-key-0123456789abcdef";
process.env.CRON_SECRET = SECRET;
process.env.DIGEST_TZ = "UTC";
resetEnvCache();

let temp: TempDb;
let smtp: SmtpCatcher;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  mailer = createMailer({
    smtpUrl: smtp.url,
    outboxDir: "/nonexistent",
    from: "digest@localhost",
    appUrl: "http://localhost:3000",
    log: () => {},
  });
  useMailer(mailer);
});
afterAll(async () => {
  useMailer(undefined);
  await mailer.close();
  await smtp.close();
});
beforeEach(async () => {
  await temp?.cleanup();
  smtp.messages.length = 0;
  temp = await createRouteTestDb();
  // The route reads the clock itself: fix it (Date only; timers stay real for SMTP and SQLite).
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  await addPaper(temp.db, { title: "Fresh result", trendKey: 50, firstSeenAt: new Date(NOW.getTime() - HOUR) });
  await addReaders(temp.db, 2);
});
afterEach(() => {
  vi.useRealTimers();
});

const cron = (headers: Record<string, string> = {}, query = "") =>
  cronDigest(request(`/api/cron/digest${query}`, { headers }));

describe("GET /api/cron/digest", () => {
  it.each([
    ["no Authorization header", {}, ""],
    ["a wrong bearer", { authorization: "Bearer not-the-secret-at-all" }, ""],
    ["the secret without Bearer", { authorization: SECRET }, ""],
    ["the secret in the query string", {}, `?secret=${SECRET}`],
  ])("answers 401 and sends nothing for %s", async (_name, headers, query) => {
    const response = await cron(headers, query);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect(smtp.messages).toHaveLength(0);
    expect(await temp.db.digestRun.count()).toBe(0);
  });

  it("with the bearer runs today's digest and answers the counts; calling again sends nothing", async () => {
    const today = NOW.toISOString().slice(0, 10);
    const first = await cron({ authorization: `Bearer ${SECRET}` });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual(finishedRun(today, { sent: 2, skipped: 0 }));
    await smtp.waitFor(2);
    const second = await cron({ authorization: `Bearer ${SECRET}` });
    expect(await second.json()).toEqual(finishedRun(today, { sent: 0, skipped: 0 }));
    expect(smtp.messages).toHaveLength(2);
  });

  it("a relay refusing our sender answers 503 with the fault; the readers stay pending, unsuppressed", async () => {
    smtp.fail("MAIL FROM", "550 5.7.1 Sender address rejected");
    try {
      const halted = await cron({ authorization: `Bearer ${SECRET}` });
      expect(halted.status).toBe(503);
      expect(await halted.json()).toMatchObject({
        status: "halted",
        fault: expect.stringContaining("550 5.7.1 Sender address rejected"),
        sent: 0,
        pending: 2,
      });
    } finally {
      smtp.heal();
    }
    expect(await temp.db.subscriber.count({ where: { suppressedAt: { not: null } } })).toBe(0);
    const next = await cron({ authorization: `Bearer ${SECRET}` });
    expect(await next.json()).toMatchObject({ status: "finished", sent: 2, pending: 0 });
  });
});

describe("GET /r/<token>", () => {
  const follow = (token: string) => clickRoute(request(`/r/${token}`), params({ token }));

  it("redirects home, records nothing and never fails for a bad, forged or stale token", async () => {
    const paper = await temp.db.paper.findFirstOrThrow();
    const forged = clickToken({ deliveryId: 1, paperId: paper.id }).slice(0, -2) + "AA";
    const gone = clickToken({ deliveryId: 1, paperId: 999_999 });
    for (const token of ["nonsense", "1.2.short", forged, gone, "%E0%A4%A"]) {
      const response = await follow(token);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/");
    }
    expect(await temp.db.paperEvent.count({ where: { kind: "click" } })).toBe(0);
  });

  it("records a click signal that raises the paper's trend key, then redirects to the paper", async () => {
    const before = await temp.db.paper.findFirstOrThrow();
    const response = await follow(clickToken({ deliveryId: 7, paperId: before.id }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/papers/${before.slug}`);
    const after = await temp.db.paper.findFirstOrThrow();
    expect(after.trendKey).toBeGreaterThan(before.trendKey);
    expect(await temp.db.paperEvent.findFirst({ where: { kind: "click" } })).toMatchObject({
      paperId: before.id,
      source: "digest:7",
      weight: 0.3,
    });
  });
});
