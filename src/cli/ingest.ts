// npm run ingest -- <file-or-url>... [--format auto|arxiv-atom|arxiv-rss|arxiv-jsonl|hf-daily|text] [--source <name>] [--dry-run] [--timings]
// Imports papers from files (streamed, any size) or URLs into the database (migrated first), with a progress
// bar and a summary; --timings adds where the time went, step by step and per thread (step-timings.ts).
import { parseArgs } from "node:util";
import { z } from "zod";
import { IMPORT_FORMATS } from "@/domain/import/import-types";
import { env } from "@/env";
import { IngestInputError, runIngest } from "@/server/ingest/run-ingest";
import { InputReadError, readInputs, type OpenedInputs } from "@/server/ingest/read-inputs";
import { openConfiguredStore } from "@/server/store/open-store";
import { importTimings, threadCpuMs } from "@/server/store/step-timings";
import { DatabaseTooNewError, StoreBusyError } from "@/server/store/store";
import { formatIngestSummary } from "./ingest-summary";
import { createProgressBar, type ProgressBar } from "./progress-bar";

const USAGE = `usage: npm run ingest -- <file-or-url>... [--format auto|${IMPORT_FORMATS.join("|")}] [--source <name>] [--dry-run] [--timings]`;

const IngestArgsSchema = z.object({
  inputs: z.array(z.string()).min(1, "give at least one file or URL"),
  format: z.enum(["auto", ...IMPORT_FORMATS], { error: `--format must be one of auto, ${IMPORT_FORMATS.join(", ")}` }),
  source: z.string().trim().min(1, "--source must not be empty").max(100).optional(),
  dryRun: z.boolean(),
  timings: z.boolean(),
});

export async function main(argv: string[]): Promise<number> {
  let args: z.infer<typeof IngestArgsSchema>;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "auto" },
        source: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        timings: { type: "boolean", default: false },
        help: { type: "boolean" },
      },
    });
    if (values.help) return (console.log(USAGE), 0);
    const parsed = IngestArgsSchema.safeParse({
      inputs: positionals,
      format: values.format,
      source: values.source,
      dryRun: values["dry-run"],
      timings: values.timings,
    });
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid arguments");
    args = parsed.data;
  } catch (error) {
    console.error(`ingest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }

  const started = performance.now();
  importTimings.enabled = args.timings;
  const store = await openConfiguredStore();
  let bar: ProgressBar | undefined;
  let doneSoFar = 0;
  let opened: OpenedInputs | undefined;
  try {
    opened = await readInputs(args.inputs);
    const summary = await runIngest({
      store,
      now: new Date(),
      halfLifeHours: env().TRENDING_HALF_LIFE_HOURS,
      inputs: opened.inputs,
      format: args.format,
      source: args.source,
      dryRun: args.dryRun,
      background: true,
      onProgress: (done, total) => {
        bar ??= createProgressBar({ total, label: args.dryRun ? "checking" : "importing" });
        bar.tick(done - doneSoFar);
        doneSoFar = done;
      },
    });
    bar?.done();
    console.log(formatIngestSummary(summary));
    if (args.timings) {
      importTimings.add("main thread: CPU time", threadCpuMs());
      console.log(importTimings.format(performance.now() - started));
    }
    return summary.indexing ? 1 : 0;
  } catch (error) {
    bar?.done();
    if (error instanceof IngestInputError || error instanceof InputReadError) {
      console.error(`ingest: ${error.message}\nNothing was imported.`);
      return 1;
    }
    throw error;
  } finally {
    await opened?.close();
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // Expected conditions (a newer database, a database kept busy) get their message; anything else its stack.
      const expected = error instanceof DatabaseTooNewError || error instanceof StoreBusyError;
      console.error(
        `ingest: ${error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
