// The in-process scheduler: fires at the configured time in the configured zone, and can be turned off.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startScheduler, type ScheduledJob } from "../../src/server/platform/scheduler";

const MINUTE = 60_000;
let stop: () => void = () => {};
const lines: string[] = [];
const log = (line: string) => lines.push(line);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-26T06:58:00.000Z"));
  lines.length = 0;
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

function job(
  cron: string,
  timezone = "UTC",
  run: ScheduledJob["run"] = async () => {},
): ScheduledJob & { calls: Date[] } {
  const calls: Date[] = [];
  return {
    name: "digest",
    cron,
    timezone,
    calls,
    run: async (signal) => {
      calls.push(new Date());
      await run(signal);
    },
  };
}

describe("startScheduler", () => {
  it("fires the digest at DIGEST_CRON in DIGEST_TZ, once a day", async () => {
    const digest = job("0 7 * * *");
    stop = startScheduler({ jobs: [digest], log, enabled: true });
    await vi.advanceTimersByTimeAsync(MINUTE + 59_000);
    expect(digest.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(digest.calls.map((d) => d.toISOString())).toEqual(["2026-11-26T07:00:00.000Z"]);
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(digest.calls.map((d) => d.toISOString())).toEqual(["2026-11-26T07:00:00.000Z", "2026-11-27T07:00:00.000Z"]);
    expect(lines).toContain("scheduler: digest started");
  });

  it("reads the pattern in the job's time zone", async () => {
    const berlin = job("0 7 * * *", "Europe/Berlin");
    stop = startScheduler({ jobs: [berlin], log, enabled: true });
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    // 07:00 in Berlin is 06:00 UTC in November (CET, UTC+1).
    expect(berlin.calls.map((d) => d.toISOString())).toEqual(["2026-11-27T06:00:00.000Z"]);
  });

  it("does nothing when turned off (SCHEDULER=off)", async () => {
    const digest = job("* * * * *");
    stop = startScheduler({ jobs: [digest], log, enabled: false });
    await vi.advanceTimersByTimeAsync(2 * 24 * 60 * MINUTE);
    expect(digest.calls).toHaveLength(0);
    expect(lines.join("\n")).toContain("SCHEDULER=off");
  });

  it("stops when asked, survives a failing job, and never overlaps a run still in progress", async () => {
    let release: () => void = () => {};
    const slow = job("* * * * *", "UTC", () => new Promise<void>((resolve) => (release = resolve)));
    const failing = {
      ...job("* * * * *"),
      name: "ingest",
      run: async () => {
        throw new Error("feed down");
      },
    };
    stop = startScheduler({ jobs: [slow, failing], log, enabled: true });
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(slow.calls).toHaveLength(1);
    expect(lines.filter((l) => l.includes("digest still running"))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith("scheduler: ingest failed: Error: feed down"))).toHaveLength(3);
    release();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(slow.calls).toHaveLength(2);
    stop();
    release();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(slow.calls).toHaveLength(2);
  });

  it("stopping aborts a running job's signal and resolves only once that job has returned", async () => {
    let finish: () => void = () => {};
    const seen: AbortSignal[] = [];
    const digest = job("* * * * *", "UTC", (signal) => {
      seen.push(signal);
      // Like a digest run: on abort it claims nothing more, and returns once its sends in flight are done.
      return new Promise<void>((resolve) => signal.addEventListener("abort", () => (finish = resolve)));
    });
    const stopScheduler = startScheduler({ jobs: [digest], log, enabled: true });
    stop = () => void stopScheduler();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(seen).toHaveLength(1);
    let stopped = false;
    const stopping = stopScheduler().then(() => (stopped = true));
    expect(seen[0]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(lines).toContain("scheduler: digest started");
    expect(lines.some((l) => l.startsWith("scheduler: digest finished"))).toBe(true);
    expect(digest.calls).toHaveLength(1);
  });
});
