// The daily digest job: one edition per date (in DIGEST_TZ), one delivery per active subscriber,
// each sent at most once however often or however concurrently the job is called.
import { digestDateOf } from "@/domain/digest/digest-date";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/mail-types";
import { deliverOne, type DeliverContext, type DeliveryOutcome } from "./deliver-one";
import { emptyCandidates, loadDigestCandidates } from "./digest-candidates";
import {
  countByStatus,
  enqueueDeliveries,
  ensureRun,
  expireSendingLeases,
  findRun,
  finishRun,
  supersedeEarlierRuns,
} from "./digest-run-store";
import { digestSettingsFromEnv, type DigestSettings } from "./digest-settings";
import { countDue, loadDuePage, sentPapersOf } from "./due-deliveries";
import { planDigest, type PlannedDigest } from "./plan-digest";
import { sendDigestPreview } from "./send-preview";

export interface DigestProgress {
  done: number;
  total: number;
  sent: number;
  skipped: number;
  failed: number;
}

export interface RunDigestOptions {
  db: Db;
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
  log?: (line: string) => void;
  settings?: DigestSettings;
}

/** sent/skipped/failed: what this call did. pending/unknown: what the edition still holds after it. */
export interface DigestRunResult {
  date: string;
  sent: number;
  skipped: number;
  failed: number;
  pending: number;
  unknown: number;
  planned?: PlannedDigest[];
}

export async function runDigest(options: RunDigestOptions): Promise<DigestRunResult> {
  const { db, now } = options;
  const settings = options.settings ?? digestSettingsFromEnv();
  const log = options.log ?? (() => {});
  const date = options.date ?? digestDateOf(now, settings.timeZone);
  if (options.dryRun) return planDigest({ db, now, date, settings });
  if (options.to) return sendDigestPreview({ db, mailer: options.mailer, now, date, settings, to: options.to });

  const run = options.resumeOnly ? await findRun(db, date) : await ensureRun(db, date, now);
  if (!run) return { date, sent: 0, skipped: 0, failed: 0, pending: 0, unknown: 0 };
  const expired = await expireSendingLeases(db, now);
  if (expired > 0)
    log(`digest ${date}: ${expired} deliveries were left "sending" by a crashed run; marked unknown, not resent`);
  await supersedeEarlierRuns(db, date);
  if (!options.resumeOnly) await enqueueDeliveries(db, run.id);

  // Timestamps advance with real elapsed time from the given `now`, so leases stay meaningful in long runs.
  const started = performance.now();
  const clock = () => new Date(now.getTime() + Math.round(performance.now() - started));
  const progress: DigestProgress = { done: 0, total: await countDue(db, run.id, now), sent: 0, skipped: 0, failed: 0 };
  const candidates = progress.total > 0 ? await loadDigestCandidates(db, now) : emptyCandidates(now);
  const ctx: DeliverContext = { db, mailer: options.mailer, date, candidates, settings, clock, log };
  const logEvery = Math.max(100, Math.ceil(progress.total / 10));
  log(`digest ${date}: ${progress.total} deliveries due, ${candidates.papers.length} candidate papers`);

  for (let afterId = 0; ;) {
    const page = await loadDuePage(db, run.id, now, afterId);
    const last = page.at(-1);
    if (!last) break;
    afterId = last.id;
    const sentPapers = await sentPapersOf(
      db,
      page.map((d) => d.subscriber.id),
      now,
    );
    await forEachConcurrently(page, settings.concurrency, async (delivery) => {
      const outcome = await deliverOne(ctx, delivery, sentPapers.get(delivery.subscriber.id) ?? new Set()).catch(
        (error: unknown) => {
          // A claimed delivery stays "sending" and is reported unknown after the lease; never resent blindly.
          log(`digest ${date}: delivery ${delivery.id} stopped unexpectedly: ${String(error)}`);
          return "taken" as DeliveryOutcome;
        },
      );
      tally(progress, outcome);
      options.onProgress?.({ ...progress });
      if (progress.done % logEvery === 0)
        log(
          `digest ${date}: ${progress.done}/${progress.total} (sent ${progress.sent}, skipped ${progress.skipped}, failed ${progress.failed})`,
        );
    });
  }

  await finishRun(db, run.id, clock());
  const counts = await countByStatus(db, run.id);
  const result = {
    date,
    sent: progress.sent,
    skipped: progress.skipped,
    failed: progress.failed,
    pending: counts.pending ?? 0,
    unknown: counts.unknown ?? 0,
  };
  log(`digest ${date}: done ${JSON.stringify(result)}`);
  return result;
}

function tally(progress: DigestProgress, outcome: DeliveryOutcome): void {
  progress.done += 1;
  if (outcome === "sent") progress.sent += 1;
  else if (outcome === "skipped") progress.skipped += 1;
  else if (outcome === "failed") progress.failed += 1;
}

async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
