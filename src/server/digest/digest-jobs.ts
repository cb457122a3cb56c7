// The digest's scheduled jobs for the start script: the daily edition, and a frequent retry pass that
// only continues an edition already started (it never sends before DIGEST_CRON).
import type { Mailer } from "@/server/platform/mail-types";
import type { ScheduledJob } from "@/server/platform/scheduler";
import type { DigestSettings } from "./digest-settings";
import type { DigestJobStore } from "./digest-run-result";
import { runDigest } from "./run-digest";

export const DIGEST_RETRY_CRON = "*/10 * * * *";

export interface DigestJobDeps {
  store: DigestJobStore;
  getMailer: () => Mailer;
  settings: DigestSettings;
  /** DIGEST_CRON: when the day's edition goes out. */
  cron: string;
  log?: (line: string) => void;
}

export function digestJobs({ store, getMailer, settings, cron, log = console.log }: DigestJobDeps): ScheduledJob[] {
  const run = (resumeOnly: boolean) => async (signal: AbortSignal) =>
    runDigest({ store, mailer: getMailer(), now: new Date(), resumeOnly, log, settings, signal });
  return [
    { name: "digest", cron, timezone: settings.timeZone, run: run(false) },
    { name: "digest-retry", cron: DIGEST_RETRY_CRON, timezone: settings.timeZone, run: run(true) },
  ];
}
