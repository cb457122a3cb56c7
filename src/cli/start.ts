// `npm start`: check settings, migrate, load the sample into an empty db, build when the source
// changed, then serve (src/cli/serve.ts: Next's handler behind our own HTTP server) and run the in-process scheduler beside it.
// Stopping: SIGTERM or SIGINT, to this process alone (a container's PID 1) or to the whole group (systemd, Ctrl-C).
// This process stops its scheduled jobs (a digest run stops claiming, its sends in flight finish), closes the SMTP
// pool and the database, and passes the signal on to the server (which ignores a second copy, so a group
// signal is handled once). It exits with the server's code: 0 after a clean stop, non-zero if the server
// died, by a signal or otherwise.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { env, missingProductionSettings } from "@/env";
import { buildIsCurrent, writeBuildStamp } from "@/server/platform/build-stamp";
import { secretKey, writeRunCronSecret } from "@/server/platform/secrets";
import { buildClient } from "./build-client";
import { prepareDatabase } from "./prepare-db";
import { openConfiguredStore } from "@/server/store/open-store";
import { startBackgroundJobs } from "./background-jobs";
import { closeMailer } from "@/server/platform/mailer";
import { onStopSignals } from "@/server/platform/shutdown";

const NEXT_BIN = path.join(process.cwd(), "node_modules", ".bin", "next");
const SERVE_SCRIPT = path.join(process.cwd(), "src", "cli", "serve.ts");

function fail(message: string): never {
  console.error(`\npaper-digest cannot start: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let settings;
  try {
    settings = env();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const missing = missingProductionSettings(settings);
  if (missing.length > 0) fail(`production mode needs ${missing.join(", ")} (see .env.example).`);

  secretKey();
  const cronSecret = settings.CRON_SECRET ?? crypto.randomBytes(24).toString("base64url");
  try {
    await prepareDatabase();
  } catch (error) {
    // An unreachable server, a refused login, a database newer than the code: one line, no stack trace.
    fail(error instanceof Error ? error.message : String(error));
  }

  if (!buildIsCurrent()) {
    console.log("Building the app for production (first start or changed source)…");
    await buildClient().catch((error: unknown) =>
      fail(`the client script did not build: ${error instanceof Error ? error.message : error}`),
    );
    const build = spawnSync(NEXT_BIN, ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) fail("the production build failed (see the output above).");
    writeBuildStamp();
  }

  // Our own server around Next's handler (not `next start`): it knows each client's socket address.
  const server = spawn(process.execPath, ["--import", "tsx", SERVE_SCRIPT], {
    stdio: "inherit",
    // A local start shows /dev/outbox unless DEV_OUTBOX says otherwise; production never does (src/env.ts).
    env: {
      DEV_OUTBOX: "on",
      ...process.env,
      CRON_SECRET: cronSecret,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  });
  console.log(`\npaper-digest on ${settings.appUrl}`);
  if (!settings.CRON_SECRET) {
    // Never printed: logs are collected and kept. The file is readable only by this user (0600, in a 0700 folder).
    const file = writeRunCronSecret(settings.dataDir, cronSecret);
    console.log(
      `Cron secret for this run is in ${file} (set CRON_SECRET to fix it):\n  curl -H "Authorization: Bearer $(cat ${file})" ${settings.appUrl}/api/cron/digest\n`,
    );
  }
  const store = settings.SCHEDULER === "on" ? await openConfiguredStore() : null;
  const stopJobs = store ? startBackgroundJobs(settings, store) : async () => {};

  const serverExit = new Promise<number>((resolve) =>
    server.once("exit", (code, signal) => {
      // Killed by a signal (SIGKILL, a crash): never a clean exit. 128 + n, as a shell reports it.
      if (signal) console.error(`paper-digest: the server was killed by ${signal}`);
      resolve(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
    }),
  );
  let stopping = false;
  onStopSignals(
    async (signal) => {
      stopping = true;
      if (server.exitCode === null && server.signalCode === null) server.kill(signal);
      await stopJobs();
      await closeMailer();
      await store?.close();
      process.exit(await serverExit);
    },
    // The server has the same time for its own requests; this process waits for it a little longer.
    { timeoutMs: settings.SHUTDOWN_TIMEOUT_MS + 2_000 },
  );
  void serverExit.then(async (code) => {
    if (stopping) return;
    // The server ended on its own: no point running jobs without it.
    console.error(`paper-digest: the server exited (${code}); stopping`);
    await stopJobs();
    await closeMailer();
    await store?.close();
    process.exit(code === 0 ? 1 : code);
  });
}

void main();
