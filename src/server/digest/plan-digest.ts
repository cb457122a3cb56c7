// --dry-run: composes what the edition would send, reading only. No run, delivery or send is written.
import { digestSubject } from "@/domain/digest/digest-subject";
import { weekdayOf } from "@/domain/subscription/saved-query";
import { loadDigestCandidates } from "./digest-candidates";
import type { DigestSettings } from "./digest-settings";
import { composeFor } from "./digest-mail";
import {
  CLAIM_LEASE_MS,
  PAGE_SIZE,
  SENDING_CLAIM_MS,
  type DigestJobStore,
  type DigestRunResult,
  type PlannedDigest,
} from "./digest-run-result";
import { sentPapersOf } from "./sent-papers";

export async function planDigest({
  store,
  now,
  date,
  settings,
}: {
  store: DigestJobStore;
  now: Date;
  date: string;
  settings: DigestSettings;
}): Promise<DigestRunResult> {
  const run = await store.digest.findRun(date);
  const existing = run ? await store.digest.deliveriesOf(run.id) : [];
  const statusOf = new Map(existing.map((d) => [d.subscriberId, d]));
  const leaseCutoff = now.getTime() - SENDING_CLAIM_MS;
  const unknown = existing.filter(
    (d) => d.status === "unknown" || (d.status === "sending" && (d.claimedAt?.getTime() ?? 0) < leaseCutoff),
  ).length;
  const waiting = existing.filter(
    (d) => d.status === "pending" && d.nextAttemptAt !== null && d.nextAttemptAt > now,
  ).length;

  const candidates = await loadDigestCandidates(store, now);
  const planned: PlannedDigest[] = [];
  for (let afterId = 0; ;) {
    const readers = await store.digest.activeReaders(afterId, PAGE_SIZE, weekdayOf(date));
    const last = readers.at(-1);
    if (!last) break;
    afterId = last.id;
    const sent = await sentPapersOf(
      store,
      readers.map((r) => r.id),
      now,
    );
    for (const reader of readers) {
      const delivery = statusOf.get(reader.id);
      // Pending and due, or claimed by a run that stopped before sending it (released by the next run).
      const due =
        !delivery ||
        (delivery.status === "pending" && (delivery.nextAttemptAt === null || delivery.nextAttemptAt <= now)) ||
        (delivery.status === "claimed" && (delivery.claimedAt?.getTime() ?? 0) < now.getTime() - CLAIM_LEASE_MS);
      if (!due) continue;
      const items = await composeFor(reader, candidates, sent.get(reader.id) ?? new Set(), settings.size);
      planned.push({
        email: reader.email,
        subject: items.length > 0 ? digestSubject(date, items, reader.cadence === "weekly") : null,
        paperIds: items.map((item) => item.paper.id),
      });
    }
  }
  const wouldSend = planned.filter((p) => p.subject !== null).length;
  return {
    date,
    status: "finished",
    sent: wouldSend,
    skipped: planned.length - wouldSend,
    failed: 0,
    pending: waiting,
    unknown,
    planned,
  };
}
