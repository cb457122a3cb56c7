// The jobs `npm start` runs on a schedule beside the web server (SCHEDULER=on).
import type { AppEnv } from "../env";

/** Starts the scheduled jobs; returns a function that stops them. */
export async function startBackgroundJobs(settings: AppEnv): Promise<() => void> {
  void settings;
  return () => {};
}
