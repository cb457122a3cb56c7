// The digest's scheduled jobs for the start script: the daily edition, and a frequent retry pass that
// only continues an edition already started (it never sends before DIGEST_CRON).
import { env } from "@/env";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/mail-types";
import type { ScheduledJob } from "@/server/scheduler";
import { runDigest } from "./run-digest";

export const DIGEST_RETRY_CRON = "*/10 * * * *";

export interface DigestJobDeps {
  getDb: () => Promise<Db>;
  getMailer: () => Mailer;
  log?: (line: string) => void;
}

export function digestJobs({ getDb, getMailer, log = console.log }: DigestJobDeps): ScheduledJob[] {
  const settings = env();
  const run = (resumeOnly: boolean) => async () =>
    runDigest({ db: await getDb(), mailer: getMailer(), now: new Date(), resumeOnly, log });
  return [
    { name: "digest", cron: settings.DIGEST_CRON, timezone: settings.DIGEST_TZ, run: run(false) },
    { name: "digest-retry", cron: DIGEST_RETRY_CRON, timezone: settings.DIGEST_TZ, run: run(true) },
  ];
}
