// The jobs `npm start` runs on a schedule beside the web server (SCHEDULER=on): the daily digest and its
// retry pass, the retry of confirmation mails that could not go out, the purge of never-confirmed
// addresses, and the scheduled fetch of INGEST_SOURCES. Several servers on one database share the work
// through the scheduler lease: the jobs run in whichever process holds it.
import crypto from "node:crypto";
import os from "node:os";
import type { AppEnv } from "@/env";
import { digestJobs } from "@/server/digest/digest-jobs";
import { digestSettingsFromEnv } from "@/server/digest/digest-settings";
import { ingestSources } from "@/server/ingest/ingest-settings";
import { runScheduledIngest } from "@/server/ingest/scheduled-ingest";
import { mailerFromEnv } from "@/server/platform/mailer";
import { startScheduler, type ScheduledJob, type StopScheduler } from "@/server/platform/scheduler";
import type { Store } from "@/server/store/store";
import { purgeUnconfirmed } from "@/server/subscriptions/purge-unconfirmed";
import { retryPendingConfirmations } from "@/server/subscriptions/retry-confirmations";

/** Starts the scheduled jobs; returns a function that stops them (and gives the lease up). */
export function startBackgroundJobs(settings: AppEnv, store: Store): StopScheduler {
  const timezone = settings.DIGEST_TZ;
  const jobs: ScheduledJob[] = [
    ...digestJobs({ store, getMailer: mailerFromEnv, settings: digestSettingsFromEnv(), cron: settings.DIGEST_CRON }),
    {
      name: "confirmation-retry",
      cron: "*/10 * * * *",
      timezone,
      run: (signal) =>
        retryPendingConfirmations({ store, mailer: mailerFromEnv(), now: new Date(), appUrl: settings.appUrl, signal }),
    },
    {
      name: "purge-unconfirmed",
      cron: "15 3 * * *",
      timezone,
      run: () => purgeUnconfirmed({ store, now: new Date() }),
    },
  ];
  const sources = ingestSources();
  if (sources.length > 0) {
    const options = {
      sources,
      halfLifeHours: settings.TRENDING_HALF_LIFE_HOURS,
      maxResults: settings.INGEST_MAX_RESULTS,
    };
    jobs.push({
      name: "ingest",
      cron: settings.INGEST_CRON,
      timezone,
      run: () => runScheduledIngest({ store, now: new Date(), ...options }),
    });
  }
  const holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  return startScheduler({
    jobs,
    enabled: settings.SCHEDULER === "on",
    lease: { leases: store.leases, holder, ttlMs: settings.SCHEDULER_LEASE_MS },
  });
}
