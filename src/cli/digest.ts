// npm run digest -- [--date YYYY-MM-DD] [--dry-run] [--to <email>]: the daily digest from the command line.
// The same job as the cron route and the scheduler, so running it after them (or at the same time) is safe.
// SIGTERM or SIGINT stops it gracefully: nothing new is claimed, the mails in flight finish, exit 0.
// Exit 2 when the run halted on a fault of the mail system (the deliveries stay pending for the next run).
import { parseArgs } from "node:util";
import { z } from "zod";
import { isDigestDate } from "@/domain/digest/digest-date";
import { openConfiguredStore } from "@/server/store/open-store";
import { env } from "@/env";
import { runDigest, type DigestProgress } from "@/server/digest/run-digest";
import { runSummary } from "@/server/digest/digest-run-result";
import { digestSettingsFromEnv } from "@/server/digest/digest-settings";
import { mailerFromEnv } from "@/server/platform/mailer";
import { onStopSignals, stopSignal } from "@/server/platform/shutdown";
import { createProgressBar, type ProgressBar } from "./progress-bar";

const ArgsSchema = z.object({
  date: z.string().refine(isDigestDate, "--date must be a calendar date YYYY-MM-DD").optional(),
  "dry-run": z.boolean().default(false),
  to: z.email("--to must be an email address").optional(),
});

const USAGE = "usage: npm run digest -- [--date YYYY-MM-DD] [--dry-run] [--to <email>]";

/** The shared progress bar, created on the first report (when the run knows its total); one tick per delivery. */
function progressReporter(label: string): { report: (progress: DigestProgress) => void; finish: () => void } {
  let bar: ProgressBar | undefined;
  return {
    report: ({ total }) => {
      bar ??= createProgressBar({ total, label });
      bar.tick();
    },
    finish: () => bar?.done(),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      date: { type: "string" },
      "dry-run": { type: "boolean" },
      to: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return void console.log(USAGE);
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  const args = parsed.data;

  // The run itself notices the signal (it stops claiming) and returns; closing and exiting happen below.
  onStopSignals(() => {}, { timeoutMs: env().SHUTDOWN_TIMEOUT_MS });
  const store = await openConfiguredStore();
  const mailer = mailerFromEnv();
  const progress = progressReporter(`digest ${args.date ?? "today"}`);
  try {
    const result = await runDigest({
      store,
      mailer,
      now: new Date(),
      date: args.date,
      dryRun: args["dry-run"],
      to: args.to,
      settings: digestSettingsFromEnv(),
      onProgress: progress.report,
      log: (line) => console.log(line),
      signal: stopSignal(),
    });
    progress.finish();
    if (result.planned) {
      console.log(
        `Dry run for ${result.date}: would send ${result.sent}, skip ${result.skipped} (nothing new); nothing was sent or written.`,
      );
      for (const plan of result.planned.slice(0, 20))
        console.log(`  ${plan.email}: ${plan.subject ?? "(nothing new: skipped)"}`);
      if (result.planned.length > 20) console.log(`  … and ${result.planned.length - 20} more`);
    } else if (args.to) {
      console.log(
        result.sent ? `Preview of ${result.date} sent to ${args.to}.` : `Nothing new to preview for ${args.to}.`,
      );
    }
    console.log(JSON.stringify(runSummary(result)));
    if (result.unknown > 0)
      console.log(
        `${result.unknown} deliveries are "unknown" (sent but unanswered, or a run died mid-send); see docs/digest.md before resending by hand.`,
      );
    if (result.status === "stopped")
      console.log(`Stopped on request; ${result.pending} deliveries stay pending for the next run.`);
    if (result.status === "halted") {
      console.error(
        `Run halted by a fault of the mail system, not of any reader: ${result.fault}\n` +
          `Nobody was suppressed; ${result.pending} deliveries stay pending and the next run sends them once it is fixed.`,
      );
      process.exitCode = 2;
    }
  } finally {
    await mailer.close();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
