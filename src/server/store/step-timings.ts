// Where an import's time goes, when asked (`npm run ingest -- --timings`, which bench:scale uses): the time
// and count of each step, per thread, summed over the import and printed at its end. Off by default; when
// off, timing a step is one branch. Steps are timed per batch (a few hundred per million papers), never per
// paper, so measuring does not change what is measured.

import fs from "node:fs";

export interface StepTotal {
  ms: number;
  count: number;
}

export class StepTimings {
  enabled = false;
  private readonly steps = new Map<string, StepTotal>();

  /** Runs `work`, adding its duration to `step`. */
  time<T>(step: string, work: () => T): T {
    if (!this.enabled) return work();
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(step, performance.now() - started);
    }
  }

  /** Runs `work`, adding the time until it settles (awaits included) to `step`. */
  async timeAsync<T>(step: string, work: () => Promise<T>): Promise<T> {
    if (!this.enabled) return work();
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(step, performance.now() - started);
    }
  }

  add(step: string, ms: number, count = 1): void {
    if (!this.enabled) return;
    const total = this.steps.get(step);
    if (total) {
      total.ms += ms;
      total.count += count;
    } else this.steps.set(step, { ms, count });
  }

  /** The totals so far, and a fresh start (a worker thread sends them with each reply). */
  take(): [string, StepTotal][] {
    const entries = [...this.steps];
    this.steps.clear();
    return entries;
  }

  merge(entries: readonly [string, StepTotal][], prefix = ""): void {
    for (const [step, { ms, count }] of entries) this.add(`${prefix}${step}`, ms, count);
  }

  /** One line per step, in the order first recorded: seconds, share of `wallMs`, count. */
  format(wallMs: number): string {
    const width = Math.max(0, ...[...this.steps.keys()].map((step) => step.length));
    const lines = [...this.steps].map(
      ([step, { ms, count }]) =>
        `  ${step.padEnd(width)}  ${(ms / 1000).toFixed(1).padStart(7)} s  ${((100 * ms) / wallMs).toFixed(1).padStart(5)}%  ×${count}`,
    );
    return [`where the time went (${(wallMs / 1000).toFixed(1)} s by the wall clock; threads overlap):`, ...lines].join(
      "\n",
    );
  }
}

/** Linux's clock ticks per second, in which /proc reports CPU time. */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time this thread has used, in ms (Linux: /proc/thread-self/stat; NaN elsewhere): how busy each
 * thread was, which the wall-clock durations of its steps (waits included) do not say.
 */
export function threadCpuMs(): number {
  try {
    const stat = fs.readFileSync("/proc/thread-self/stat", "utf8");
    // utime and stime are fields 14 and 15; the command name (field 2) is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** This thread's timings (each worker thread has its own, sent back to the main thread's). */
export const importTimings = new StepTimings();
