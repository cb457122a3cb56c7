// Two server processes on one PostgreSQL database, as behind a load balancer: the day's digest triggered on
// both at once reaches each reader once, and votes sent through both add up on the shared counters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trendKeyOf } from "../../../src/domain/trending";
import { ensureBuilt, startNext, type AppProcess } from "../../helpers/app-process";
import { appEnv, bearer } from "../../helpers/app-env";
import { addPapers, addReaders } from "../../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher } from "../../helpers/smtp-catcher";
import { freePort } from "../../helpers/free-port";
import { createTempDb, type TempDb } from "../../helpers/temp-db";

const READERS = 12;
const VOTERS = 20;
let temp: TempDb;
let smtp: SmtpCatcher;
let servers: AppProcess[] = [];
let paperIds: number[];

beforeAll(async () => {
  await ensureBuilt();
  temp = await createTempDb();
  paperIds = await addPapers(temp.db, 5, new Date(Date.now() - 2 * 3_600_000));
  await addReaders(temp.db, READERS);
  smtp = await startSmtpCatcher();
  const ports = [await freePort(), await freePort()];
  servers = await Promise.all(ports.map((port) => startNext(port, appEnv(temp, port, { SMTP_URL: smtp.url }))));
}, 600_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await smtp?.close();
  await temp?.cleanup();
});

describe("two instances on one PostgreSQL database", () => {
  it("send each reader one digest when both run the day's digest at once", async () => {
    const responses = await Promise.all(
      servers.map((server) => fetch(`${server.url}/api/cron/digest`, { headers: bearer })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const results = (await Promise.all(responses.map((r) => r.json()))) as { sent: number; failed: number }[];
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(READERS);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    const recipients = smtp.messages.flatMap((m) => m.to).sort();
    expect(recipients).toEqual(Array.from({ length: READERS }, (_, i) => `reader${i + 1}@example.com`).sort());
    expect(await temp.db.delivery.count({ where: { status: "sent" } })).toBe(READERS);
  }, 300_000);

  it("count every vote sent through either instance, concurrently", async () => {
    const paperId = paperIds[2]!;
    const votes = Array.from({ length: VOTERS }, (_, i) => {
      const server = servers[i % 2]!;
      // No cookie: each request is a new visitor; distinct addresses stay under the per-IP limit.
      return fetch(`${server.url}/api/papers/${paperId}/vote`, {
        method: "POST",
        headers: { "x-forwarded-for": `10.1.0.${i + 1}`, origin: server.url },
      });
    });
    const statuses = (await Promise.all(votes)).map((r) => r.status);
    expect(statuses).toEqual(Array(VOTERS).fill(200));
    const paper = await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } });
    expect(paper.votes).toBe(VOTERS);
    expect(await temp.db.vote.count({ where: { paperId } })).toBe(VOTERS);
    expect(await temp.db.paperEvent.count({ where: { paperId, kind: "upvote" } })).toBe(VOTERS);
    // Every signal is folded into the stored key: none was lost to a concurrent writer on the other instance.
    const events = await temp.db.paperEvent.findMany({ where: { paperId }, select: { weight: true, anchorAt: true } });
    expect(paper.trendKey).toBeCloseTo(trendKeyOf(events, 24), 9);
    const answered = (await (await fetch(`${servers[1]!.url}/api/papers/${paperId}`)).json()) as { votes: number };
    expect(answered.votes).toBe(VOTERS);
  }, 120_000);
});
