// Graceful stop. A deploy sends SIGTERM (or Ctrl-C sends SIGINT) to the main process (containers) or to the
// whole process group (systemd's default), so a process may get the same signal twice: directly and forwarded
// by its parent. The first one starts the stop; later ones change nothing.
// Work that must not be cut off mid-way (a digest run) watches stopSignal(): once it is aborted, it claims
// nothing new and lets what it is sending finish. The state lives on globalThis so every bundle Next.js builds
// shares it with the server script that owns the process.

const KEY = Symbol.for("paper-digest.shutdown");

interface ShutdownState {
  controller: AbortController;
  installed: boolean;
}

function state(): ShutdownState {
  const holder = globalThis as Record<symbol, ShutdownState | undefined>;
  return (holder[KEY] ??= { controller: new AbortController(), installed: false });
}

/** Aborted once the process has been asked to stop. */
export function stopSignal(): AbortSignal {
  return state().controller.signal;
}

export const STOP_SIGNALS = ["SIGTERM", "SIGINT"] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * Calls `stop` on the first SIGTERM or SIGINT (after aborting stopSignal()), and never again: a repeated or
 * forwarded signal is ignored. `stop` decides the exit code; if it has not exited after `timeoutMs`, the process
 * exits 1 (the sends still open stay "sending" and are reported unknown after the lease, never resent).
 */
export function onStopSignals(
  stop: (signal: StopSignal) => Promise<void> | void,
  { timeoutMs, log = console.log }: { timeoutMs: number; log?: (line: string) => void },
): void {
  const current = state();
  if (current.installed) throw new Error("onStopSignals: installed twice in one process");
  current.installed = true;
  const begin = (signal: StopSignal) => {
    if (current.controller.signal.aborted) return;
    current.controller.abort(signal);
    log(`${signal}: stopping; work in flight has ${timeoutMs} ms to finish`);
    setTimeout(() => {
      log(`stop: work still running after ${timeoutMs} ms; exiting without it`);
      process.exit(1);
    }, timeoutMs).unref();
    void Promise.resolve()
      .then(() => stop(signal))
      .catch((error: unknown) => {
        log(`stop: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => begin(signal));
}
