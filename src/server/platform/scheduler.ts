// In-process scheduler for self-hosting: runs each job on its cron pattern in its time zone, one run of a
// job at a time (a slow run is never overlapped by the next), errors logged and survived.
// With a lease, only the process holding it runs jobs: every server process on one database starts a
// scheduler, the first takes the lease row, renews it while it lives, and another takes it over once it
// has expired (a holder that died). A job runs only after renewing the lease at its tick, so a holder that
// was paused past its expiry (and lost the lease meanwhile) never runs a job beside the new holder.
// SCHEDULER=off disables it when an external cron calls /api/cron/* instead.
import { Cron } from "croner";
import type { LeaseStore } from "@/server/store/leases";

export interface ScheduledJob {
  name: string;
  /** Five-field cron pattern, e.g. "0 7 * * *" (a sixth, leading field counts seconds). */
  cron: string;
  /** IANA zone the pattern is read in, e.g. "UTC" or "Europe/Berlin". */
  timezone: string;
  /** `signal` is aborted when the scheduler stops: a long job ends early, leaving its rest for the next run. */
  run: (signal: AbortSignal) => Promise<unknown>;
}

export interface SchedulerLease {
  leases: LeaseStore;
  /** This process, as written in the lease row. */
  holder: string;
  /** How long a taken lease lasts without renewal: how soon another process takes over from a dead holder. */
  ttlMs: number;
  clock?: () => Date;
}

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  enabled: boolean;
  lease?: SchedulerLease;
  log?: (line: string) => void;
}

/** Starts no more jobs, aborts the running ones' signal and waits for them to return. */
export type StopScheduler = () => Promise<void>;

export const SCHEDULER_LEASE = "scheduler";

export function startScheduler({ jobs, enabled, lease, log = console.log }: SchedulerOptions): StopScheduler {
  if (!enabled) {
    log("scheduler: off (SCHEDULER=off); call /api/cron/* from an external cron");
    return async () => {};
  }
  const keeper = lease ? keepLease(lease, log) : null;
  const stopping = new AbortController();
  const running = new Set<Promise<void>>();
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
          if (stopping.signal.aborted || (keeper && !(await keeper.renew()))) return;
          const done = runJob(job, stopping.signal, log);
          running.add(done);
          await done.finally(() => running.delete(done));
        },
      ),
  );
  for (const [index, cron] of crons.entries()) {
    log(
      `scheduler: ${jobs[index]?.name} at "${jobs[index]?.cron}" (${jobs[index]?.timezone}), next ${cron.nextRun()?.toISOString() ?? "never"}`,
    );
  }
  return async () => {
    for (const cron of crons) cron.stop();
    stopping.abort();
    await Promise.all(running);
    await keeper?.stop();
  };
}

async function runJob(job: ScheduledJob, signal: AbortSignal, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  log(`scheduler: ${job.name} started`);
  try {
    await job.run(signal);
    log(`scheduler: ${job.name} finished in ${Date.now() - started} ms`);
  } catch (error) {
    log(`scheduler: ${job.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** Takes the lease when free and renews it at a third of its lifetime; logs every change of hands. */
function keepLease({ leases, holder, ttlMs, clock = () => new Date() }: SchedulerLease, log: (line: string) => void) {
  let held: boolean | null = null;
  const renew = async (): Promise<boolean> => {
    let now = false;
    try {
      now = await leases.acquire(SCHEDULER_LEASE, holder, clock(), ttlMs);
    } catch (error) {
      log(`scheduler: could not renew the lease: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (now !== held)
      log(
        now
          ? `scheduler: lease taken by ${holder}; scheduled jobs run in this process`
          : `scheduler: lease held by another process; scheduled jobs run there`,
      );
    held = now;
    return now;
  };
  void renew();
  const timer = setInterval(() => void renew(), Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    renew,
    async stop() {
      clearInterval(timer);
      if (held) await leases.release(SCHEDULER_LEASE, holder).catch(() => undefined);
    },
  };
}
