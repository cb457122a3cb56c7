// Claiming deliveries a page at a time, on either engine (TEST_DATABASE_ENGINE): a page never shares a
// delivery with another caller's, a claimed delivery is sent only by the caller that claimed it, and a claim
// whose caller stopped goes back to pending after the lease, so it is sent later, never lost and never twice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLAIM_LEASE_MS } from "../../src/server/digest/digest-run-result";
import type { PageClaim } from "../../src/server/store/digest";
import { addReaders, addSubscriber, NOW } from "../helpers/digest-fixtures";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const MINUTE = 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
let temp: TempDb;

beforeEach(async () => {
  temp = await createTempDb();
});
afterEach(async () => {
  await temp.cleanup();
});

async function runId(): Promise<number> {
  return (await temp.store.digest.ensureRun("2026-11-26", NOW)).id;
}

async function pendingDelivery(subscriberId: number, nextAttemptAt: Date | null = null): Promise<number> {
  const delivery = await temp.db.delivery.create({
    data: { runId: await runId(), subscriberId, status: "pending", nextAttemptAt },
  });
  return delivery.id;
}

async function claim(token: string, overrides: Partial<PageClaim> = {}) {
  return temp.store.digest.claimPage({ runId: await runId(), dueBy: NOW, at: NOW, limit: 100, token, ...overrides });
}

const idsOf = (page: { deliveries: { id: number }[] }) => page.deliveries.map((d) => d.id);

describe("digest deliveries claimed a page at a time", () => {
  it("a delivery backed off by another runner is not claimed before its retry time, nor dropped", async () => {
    const reader = await addSubscriber(temp.db, { email: "later@example.com" });
    const id = await pendingDelivery(reader.id, later(2 * MINUTE));
    expect(await claim("a")).toEqual({ deliveries: [], skipped: 0 });
    expect(await temp.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "pending",
      attempts: 0,
    });
    const page = await claim("a", { dueBy: later(3 * MINUTE), at: later(3 * MINUTE) });
    expect(idsOf(page)).toEqual([id]);
    expect(page.deliveries[0]!.subscriber).toMatchObject({ id: reader.id, email: "later@example.com" });
    expect(idsOf(await claim("b", { dueBy: later(3 * MINUTE) }))).toEqual([]);
    // Only the claimer begins it; the attempt counts from then, with the time it began.
    expect(await temp.store.digest.markSending([id], "b", later(4 * MINUTE))).toEqual([]);
    expect(await temp.store.digest.markSending([id], "a", later(4 * MINUTE))).toEqual([id]);
    expect(await temp.store.digest.markSending([id], "a", later(4 * MINUTE))).toEqual([]);
    const sending = await temp.db.delivery.findUniqueOrThrow({ where: { id } });
    expect(sending).toMatchObject({ status: "sending", attempts: 1 });
    expect(sending.claimedAt?.getTime()).toBe(later(4 * MINUTE).getTime());
  });

  it("a reader who left is skipped by the claim, once", async () => {
    const reader = await addSubscriber(temp.db, { email: "gone@example.com", status: "paused" });
    const stays = await addSubscriber(temp.db, { email: "stays@example.com" });
    const id = await pendingDelivery(reader.id);
    const kept = await pendingDelivery(stays.id);
    const page = await claim("a");
    expect({ ids: idsOf(page), skipped: page.skipped }).toEqual({ ids: [kept], skipped: 1 });
    expect(await claim("a")).toEqual({ deliveries: [], skipped: 0 });
    expect(await temp.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "skipped",
      lastError: "Subscriber no longer active.",
    });
  });

  it("pages claimed at the same time by two callers are disjoint, and together cover the run", async () => {
    await addReaders(temp.db, 30);
    await temp.store.digest.enqueueDeliveries(await runId(), "thu");
    const pages = await Promise.all(
      ["a", "b", "a", "b", "a", "b", "a", "b"].map((token) => claim(token, { limit: 5 })),
    );
    const claimed = pages.flatMap(idsOf);
    expect(claimed).toHaveLength(30);
    expect(new Set(claimed).size).toBe(30);
    for (const page of pages) expect(idsOf(page)).toEqual([...idsOf(page)].sort((x, y) => x - y));
  });

  it("a claim left by a caller that stopped is pending again after the lease, and its old caller cannot send it", async () => {
    const reader = await addSubscriber(temp.db, { email: "reader@example.com" });
    const id = await pendingDelivery(reader.id);
    expect(idsOf(await claim("dead"))).toEqual([id]);
    // Within the lease it stays with its caller.
    expect(await temp.store.digest.releaseStaleClaims(later(-CLAIM_LEASE_MS + MINUTE))).toBe(0);
    expect(idsOf(await claim("next", { at: later(MINUTE) }))).toEqual([]);
    expect(await temp.store.digest.releaseStaleClaims(later(1))).toBe(1);
    expect(await temp.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "pending",
      attempts: 0,
      claimedAt: null,
      claimToken: null,
    });
    expect(idsOf(await claim("next", { at: later(CLAIM_LEASE_MS) }))).toEqual([id]);
    expect(await temp.store.digest.markSending([id], "dead", later(CLAIM_LEASE_MS))).toEqual([]);
    expect(await temp.store.digest.markSending([id], "next", later(CLAIM_LEASE_MS))).toEqual([id]);
  });

  it("a caller hands back only its own claims not begun", async () => {
    await addReaders(temp.db, 4);
    await temp.store.digest.enqueueDeliveries(await runId(), "thu");
    const mine = idsOf(await claim("mine", { limit: 3 }));
    const theirs = idsOf(await claim("theirs", { limit: 3 }));
    expect(mine).toHaveLength(3);
    expect(theirs).toHaveLength(1);
    expect(await temp.store.digest.markSending([mine[0]!], "mine", NOW)).toEqual([mine[0]]);
    expect(await temp.store.digest.releaseClaims("mine")).toBe(2);
    const byStatus = await temp.store.digest.countByStatus(await runId());
    expect(byStatus).toEqual({ sending: 1, claimed: 1, pending: 2 });
  });
});
