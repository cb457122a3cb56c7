// In-process scheduler for self-hosting: runs each job on its cron pattern in its time zone, one run of a
// job at a time (a slow run is never overlapped by the next), errors logged and survived.
// SCHEDULER=off disables it when an external cron calls /api/cron/* instead.
import { Cron } from "croner";
import { env } from "@/env";

export interface ScheduledJob {
  name: string;
  /** Five-field cron pattern, e.g. "0 7 * * *". */
  cron: string;
  /** IANA zone the pattern is read in, e.g. "UTC" or "Europe/Berlin". */
  timezone: string;
  run: () => Promise<unknown>;
}

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  log?: (line: string) => void;
  /** Defaults to SCHEDULER=on. */
  enabled?: boolean;
}

export type StopScheduler = () => void;

export function startScheduler({
  jobs,
  log = console.log,
  enabled = env().SCHEDULER === "on",
}: SchedulerOptions): StopScheduler {
  if (!enabled) {
    log("scheduler: off (SCHEDULER=off); call /api/cron/* from an external cron");
    return () => {};
  }
  const crons = jobs.map(
    (job) =>
      new Cron(
        job.cron,
        {
          name: `paper-digest:${job.name}`,
          timezone: job.timezone,
          protect: () => log(`scheduler: ${job.name} still running, skipped this tick`),
        },
        async () => {
          const started = Date.now();
          log(`scheduler: ${job.name} started`);
          try {
            await job.run();
            log(`scheduler: ${job.name} finished in ${Date.now() - started} ms`);
          } catch (error) {
            log(
              `scheduler: ${job.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
          }
        },
      ),
  );
  for (const [index, cron] of crons.entries()) {
    log(
      `scheduler: ${jobs[index]?.name} at "${jobs[index]?.cron}" (${jobs[index]?.timezone}), next ${cron.nextRun()?.toISOString() ?? "never"}`,
    );
  }
  return () => {
    for (const cron of crons) cron.stop();
  };
}
