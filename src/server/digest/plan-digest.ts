// --dry-run: composes what the edition would send, reading only. No run, delivery or send is written.
import { digestSubject } from "@/domain/digest/digest-subject";
import type { Db } from "@/server/db";
import { loadDigestCandidates } from "./digest-candidates";
import { findRun, SENDING_LEASE_MS } from "./digest-run-store";
import type { DigestSettings } from "./digest-settings";
import { composeFor } from "./digest-mail";
import { sentPapersOf, PAGE_SIZE } from "./due-deliveries";
import type { DigestRunResult } from "./run-digest";

export interface PlannedDigest {
  email: string;
  /** Null when there is nothing new for this reader (it would be recorded as skipped). */
  subject: string | null;
  paperIds: number[];
}

export async function planDigest({
  db,
  now,
  date,
  settings,
}: {
  db: Db;
  now: Date;
  date: string;
  settings: DigestSettings;
}): Promise<DigestRunResult> {
  const run = await findRun(db, date);
  const existing = run
    ? await db.delivery.findMany({
        where: { runId: run.id },
        select: { subscriberId: true, status: true, nextAttemptAt: true, claimedAt: true },
      })
    : [];
  const statusOf = new Map(existing.map((d) => [d.subscriberId, d]));
  const leaseCutoff = now.getTime() - SENDING_LEASE_MS;
  const unknown = existing.filter(
    (d) => d.status === "unknown" || (d.status === "sending" && (d.claimedAt?.getTime() ?? 0) < leaseCutoff),
  ).length;
  const waiting = existing.filter(
    (d) => d.status === "pending" && d.nextAttemptAt !== null && d.nextAttemptAt > now,
  ).length;

  const candidates = await loadDigestCandidates(db, now);
  const planned: PlannedDigest[] = [];
  for (let afterId = 0; ;) {
    const readers = await db.subscriber.findMany({
      where: { status: "active", suppressedAt: null, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      select: { id: true, email: true, topics: true, lastDigestAt: true, manageTokenHash: true },
    });
    const last = readers.at(-1);
    if (!last) break;
    afterId = last.id;
    const sent = await sentPapersOf(
      db,
      readers.map((r) => r.id),
      now,
    );
    for (const reader of readers) {
      const delivery = statusOf.get(reader.id);
      const due =
        !delivery ||
        (delivery.status === "pending" && (delivery.nextAttemptAt === null || delivery.nextAttemptAt <= now));
      if (!due) continue;
      const items = composeFor(reader, candidates, sent.get(reader.id) ?? new Set(), settings.size);
      planned.push({
        email: reader.email,
        subject: items.length > 0 ? digestSubject(date, items) : null,
        paperIds: items.map((item) => item.paper.id),
      });
    }
  }
  const wouldSend = planned.filter((p) => p.subject !== null).length;
  return { date, sent: wouldSend, skipped: planned.length - wouldSend, failed: 0, pending: waiting, unknown, planned };
}
