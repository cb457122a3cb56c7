// `npm run digest` killed (SIGKILL) at random points of a run, 20 times in a row on one edition, then run to the
// end: every reader gets at most one digest that day, every delivery ends sent, failed, suppressed or unknown,
// and unknown only where a process died mid-send (its delivery was "sending" when it was killed); deliveries it
// had claimed with a page but not begun are sent by a later run.
// The kill points come from a seeded generator, so a failure replays exactly: before the first claim, while a
// message waits for the reply to MAIL FROM (nothing sent yet), or while a whole message waits for its reply.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/app-process";
import { appEnv } from "../helpers/app-env";
import { addPapers, addReaders } from "../helpers/digest-fixtures";
import { freePort } from "../helpers/free-port";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const SEED = 14_2026;
const ITERATIONS = 20;
const READERS = 150;
/** The sending lease (SENDING_CLAIM_MS, the longer) and a minute: how far a killed run's claims are moved into the past. */
const LEASE_PASSED_MS = 16 * 60_000;

let temp: TempDb;
let smtp: SmtpCatcher;

beforeAll(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
  await addPapers(temp.db, 4, new Date(Date.now() - 2 * 3_600_000));
  await addReaders(temp.db, READERS);
});
afterAll(async () => {
  await smtp?.close();
  await temp?.cleanup();
});

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `npm run digest` as its own process group, so SIGKILL takes npm and the digest script together. */
function startDigest(env: Record<string, string>, date: string) {
  const child = spawn("npm", ["run", "--silent", "digest", "--", "--date", date], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  return { child, output: () => output, exited, done: () => done };
}

/** Resolves true once `reached()` holds, false if the process ended first. */
async function reachedOrEnded(reached: () => boolean, ended: () => boolean): Promise<boolean> {
  while (!reached()) {
    if (ended()) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe("a digest run killed at random points", () => {
  it(`SIGKILL ${ITERATIONS} times (seed ${SEED}), then a full run: at most one digest each, unknown only mid-send`, async () => {
    const random = seeded(SEED);
    const env = appEnv(temp, await freePort(), { SMTP_URL: smtp.url, DIGEST_TZ: "UTC", MAIL_RATE_PER_SEC: "1000" });
    const date = new Date().toISOString().slice(0, 10);
    const diedMidSend = new Set<number>();
    const claimedNotBegun = new Set<number>();
    const points: string[] = [];

    for (let i = 0; i < ITERATIONS; i++) {
      const point = (["before-claims", "at-mail-from", "awaiting-reply"] as const)[Math.floor(random() * 3)]!;
      const nth = 1 + Math.floor(random() * 3);
      const held = point === "at-mail-from" ? smtp.hold("MAIL FROM") : point === "awaiting-reply" ? smtp.hold() : null;
      const [mailFroms, bodies] = [smtp.mailFroms(), smtp.messages.length];
      const run = startDigest(env, date);
      const reached = await reachedOrEnded(
        point === "before-claims"
          ? () => /deliveries due/.test(run.output())
          : point === "at-mail-from"
            ? () => smtp.mailFroms() >= mailFroms + nth
            : () => smtp.messages.length >= bodies + nth,
        run.done,
      );
      if (reached) process.kill(-run.child.pid!, "SIGKILL");
      await run.exited;
      held?.release();
      points.push(`${point}#${nth}${reached ? "" : " (ended first)"}`);
      // What was begun and not recorded when the process died: the only deliveries that may end unknown.
      const sending = await temp.db.delivery.findMany({ where: { status: "sending" }, select: { id: true } });
      for (const { id } of sending) diedMidSend.add(id);
      // Claimed with the page but never begun: these must still be sent by a later run.
      const claimed = await temp.db.delivery.findMany({ where: { status: "claimed" }, select: { id: true } });
      for (const { id } of claimed) claimedNotBegun.add(id);
      // The leases pass: the next run reports the begun ones as unknown and takes the others back.
      await temp.db.delivery.updateMany({
        where: { status: { in: ["sending", "claimed"] } },
        data: { claimedAt: new Date(Date.now() - LEASE_PASSED_MS) },
      });
    }

    const last = startDigest(env, date);
    expect(await last.exited, last.output()).toBe(0);

    const deliveries = await temp.db.delivery.findMany({ include: { subscriber: true } });
    expect(deliveries).toHaveLength(READERS);
    const statuses = deliveries.map((d) => `${d.id}:${d.status}:${d.lastError ?? ""}`).join("\n");
    const context = `kill points: ${points.join(", ")}\n${statuses}\n${last.output()}`;
    for (const delivery of deliveries) {
      expect(["sent", "failed", "unknown"], context).toContain(delivery.status);
      if (delivery.status === "unknown") expect(diedMidSend.has(delivery.id), context).toBe(true);
      if (diedMidSend.has(delivery.id)) expect(delivery.status, context).toBe("unknown");
      else if (claimedNotBegun.has(delivery.id)) expect(delivery.status, context).toBe("sent");
      const mails = smtp.messages.filter((m) => m.to.includes(delivery.subscriber.email));
      // At most one digest per reader that day; a sent one is the very message recorded.
      expect(mails.length, `${delivery.subscriber.email}: ${context}`).toBeLessThanOrEqual(1);
      if (delivery.status === "sent") expect(mails[0]?.parsed.messageId).toBe(delivery.messageId);
    }
    expect(
      deliveries.some((d) => d.status === "sent"),
      context,
    ).toBe(true);
    // The kills did leave claimed pages behind (a page holds 100 of the 150 deliveries).
    expect(claimedNotBegun.size, context).toBeGreaterThan(0);
  }, 600_000);
});
