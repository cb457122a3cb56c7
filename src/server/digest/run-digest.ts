// The digest job: one edition per date (in DIGEST_TZ), one delivery per reader due that day (daily readers,
// and weekly readers on their weekday), each sent at most once however often or however concurrently the job
// is called.
import { randomUUID } from "node:crypto";
import { digestDateOf } from "@/domain/digest/digest-date";
import { weekdayOf } from "@/domain/subscription/saved-query";
import type { Mailer } from "@/server/platform/mail-types";
import type { SentRecord } from "@/server/store/digest";
import { deliverOne, type DeliverContext, type DeliveryOutcome } from "./deliver-one";
import { emptyCandidates, loadDigestCandidates } from "./digest-candidates";
import type { DigestSettings } from "./digest-settings";
import { sentPapersOf } from "./sent-papers";
import { sendingMarks, sentRecords } from "./delivery-claims";
import {
  CLAIM_LEASE_MS,
  CLAIMS_PER_SENDER,
  SENDING_CLAIM_MS,
  type DigestJobStore,
  type DigestRunResult,
} from "./digest-run-result";
import { planDigest } from "./plan-digest";
import { sendDigestPreview } from "./send-preview";

export interface DigestProgress {
  done: number;
  total: number;
  sent: number;
  skipped: number;
  failed: number;
}

export interface RunDigestOptions {
  store: DigestJobStore;
  mailer: Mailer;
  now: Date;
  /** Edition date "YYYY-MM-DD"; defaults to today in DIGEST_TZ. */
  date?: string;
  /** Compose everything, send and write nothing; `planned` lists what would go out. */
  dryRun?: boolean;
  /** Send one preview to this address instead of running the edition. */
  to?: string;
  /** Only continue an edition that already started (the retry job must never start one early). */
  resumeOnly?: boolean;
  onProgress?: (progress: DigestProgress) => void;
  /** Aborted when the process is asked to stop: no new delivery is claimed, the sends in flight finish. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** DIGEST_SIZE, DIGEST_TZ, ...: digestSettingsFromEnv() outside tests. */
  settings: DigestSettings;
}

export async function runDigest(options: RunDigestOptions): Promise<DigestRunResult> {
  const { store, now } = options;
  const { digest } = store;
  const { settings } = options;
  const log = options.log ?? (() => {});
  const date = options.date ?? digestDateOf(now, settings.timeZone);
  if (options.dryRun) return planDigest({ store, now, date, settings });
  if (options.to) return sendDigestPreview({ store, mailer: options.mailer, now, date, settings, to: options.to });

  const run = options.resumeOnly ? await digest.findRun(date) : await digest.ensureRun(date, now);
  if (!run) return { date, status: "finished", sent: 0, skipped: 0, failed: 0, pending: 0, unknown: 0 };
  const expired = await digest.expireSendingClaims(new Date(now.getTime() - SENDING_CLAIM_MS));
  if (expired > 0)
    log(`digest ${date}: ${expired} deliveries were left "sending" by a crashed run; marked unknown, not resent`);
  const released = await digest.releaseStaleClaims(new Date(now.getTime() - CLAIM_LEASE_MS));
  if (released > 0) log(`digest ${date}: ${released} deliveries claimed by a stopped run, never begun; pending again`);
  await digest.supersedeEarlierRuns(date);
  // Daily readers every day, weekly readers on their weekday of the edition's date (in DIGEST_TZ).
  if (!options.resumeOnly) await digest.enqueueDeliveries(run.id, weekdayOf(date));

  // Timestamps advance with real elapsed time from the given `now`, so leases stay meaningful in long runs.
  const started = performance.now();
  const clock = () => new Date(now.getTime() + Math.round(performance.now() - started));
  const progress: DigestProgress = {
    done: 0,
    total: await digest.countDue(run.id, now),
    sent: 0,
    skipped: 0,
    failed: 0,
  };
  const candidates = progress.total > 0 ? await loadDigestCandidates(store, now) : emptyCandidates(now);
  let fault: string | undefined;
  const halt = (reason: string) => {
    if (fault === undefined) log(`digest ${date}: run fault, no more deliveries this run: ${reason}`);
    fault ??= reason;
  };
  const stopping = () => fault !== undefined || options.signal?.aborted === true;
  // This call's claims: only it may begin sending them, and what it has not begun when it stops goes back.
  const token = randomUUID();
  const logEvery = Math.max(100, Math.ceil(progress.total / 10));
  const report = (outcome: DeliveryOutcome | "sent") => {
    if (outcome === "recording") return; // reported once recorded
    tally(progress, outcome);
    options.onProgress?.({ ...progress });
    if (progress.done % logEvery === 0)
      log(
        `digest ${date}: ${progress.done}/${progress.total} (sent ${progress.sent}, skipped ${progress.skipped}, failed ${progress.failed})`,
      );
  };
  const records = sentRecords(digest, settings.concurrency);
  const recordSent = (record: SentRecord) =>
    void records(record).then(
      () => report("sent"),
      (error: unknown) => {
        // The delivery stays "sending" and is reported unknown after the lease; never resent blindly.
        log(`digest ${date}: delivery ${record.deliveryId} sent but not recorded: ${String(error)}`);
        report("taken");
      },
    );
  const ctx: DeliverContext = {
    digest,
    mailer: options.mailer,
    date,
    candidates,
    settings,
    clock,
    log,
    halt,
    markSending: sendingMarks(digest, token, clock),
    recordSent,
  };
  log(`digest ${date}: ${progress.total} deliveries due, ${candidates.papers.length} candidate papers`);

  while (!stopping()) {
    // Due as of the run's start: a retry this run scheduled waits for a later run.
    const limit = CLAIMS_PER_SENDER * Math.max(1, settings.concurrency);
    const page = await digest.claimPage({ runId: run.id, dueBy: now, at: clock(), limit, token });
    if (page.deliveries.length === 0 && page.skipped === 0) break;
    for (let i = 0; i < page.skipped; i++) report("skipped");
    const sentPapers = await sentPapersOf(
      store,
      page.deliveries.map((d) => d.subscriber.id),
      now,
    );
    await forEachConcurrently(page.deliveries, settings.concurrency, stopping, async (delivery) => {
      const outcome = await deliverOne(ctx, delivery, sentPapers.get(delivery.subscriber.id) ?? new Set()).catch(
        (error: unknown) => {
          // A delivery marked sending stays so and is reported unknown after the lease; never resent blindly.
          log(`digest ${date}: delivery ${delivery.id} stopped unexpectedly: ${String(error)}`);
          return "taken" as DeliveryOutcome;
        },
      );
      report(outcome);
    });
  }

  await records.flush();
  // Stopped or halted mid-page: the claimed deliveries not begun are pending again at once.
  await digest.releaseClaims(token);
  await digest.finishRun(run.id, clock());
  const counts = await digest.countByStatus(run.id);
  const status = fault !== undefined ? "halted" : options.signal?.aborted ? "stopped" : "finished";
  const result: DigestRunResult = {
    date,
    status,
    ...(fault !== undefined ? { fault } : {}),
    sent: progress.sent,
    skipped: progress.skipped,
    failed: progress.failed,
    // Another instance's claims not sent yet are still to come.
    pending: (counts.pending ?? 0) + (counts.claimed ?? 0),
    unknown: counts.unknown ?? 0,
  };
  log(`digest ${date}: done ${JSON.stringify(result)}`);
  return result;
}

function tally(progress: DigestProgress, outcome: Exclude<DeliveryOutcome, "recording"> | "sent"): void {
  progress.done += 1;
  if (outcome === "sent") progress.sent += 1;
  else if (outcome === "skipped") progress.skipped += 1;
  else if (outcome === "failed") progress.failed += 1;
}

/** Runs `work` over `items`, `concurrency` at a time; once `stop()` holds, starts nothing new and waits for the rest. */
async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  stop: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
