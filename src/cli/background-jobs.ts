// The jobs `npm start` runs on a schedule beside the web server (SCHEDULER=on): the daily digest and its
// retry pass, the retry of confirmation mails that could not go out, the purge of never-confirmed
// addresses, and the scheduled fetch of INGEST_SOURCES.
import type { AppEnv } from "@/env";
import { getDb } from "@/server/db";
import { digestJobs } from "@/server/digest/digest-jobs";
import { ingestSources } from "@/server/ingest/ingest-settings";
import { runScheduledIngest } from "@/server/ingest/scheduled-ingest";
import { mailerFromEnv } from "@/server/mailer";
import { startScheduler, type ScheduledJob } from "@/server/scheduler";
import { purgeUnconfirmed } from "@/server/subscriptions/purge-unconfirmed";
import { retryPendingConfirmations } from "@/server/subscriptions/retry-confirmations";

/** Starts the scheduled jobs; returns a function that stops them. */
export async function startBackgroundJobs(settings: AppEnv): Promise<() => void> {
  const jobs: ScheduledJob[] = [
    ...digestJobs({ getDb, getMailer: mailerFromEnv }),
    {
      name: "confirmation-retry",
      cron: "*/10 * * * *",
      timezone: settings.DIGEST_TZ,
      run: async () => retryPendingConfirmations({ db: await getDb(), mailer: mailerFromEnv(), now: new Date() }),
    },
    {
      name: "purge-unconfirmed",
      cron: "15 3 * * *",
      timezone: settings.DIGEST_TZ,
      run: async () => purgeUnconfirmed({ db: await getDb(), now: new Date() }),
    },
  ];
  const sources = ingestSources();
  if (sources.length > 0) {
    jobs.push({
      name: "ingest",
      cron: settings.INGEST_CRON,
      timezone: settings.DIGEST_TZ,
      run: async () => runScheduledIngest({ db: await getDb(), now: new Date(), sources }),
    });
  }
  return startScheduler({ jobs });
}
