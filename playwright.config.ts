// End-to-end tests against a production build served by `npm start`'s own script on a temporary database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2eServerEnv } from "./tests/helpers/e2e-server";

// E2E_PORT lets several checkouts run their suites side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
// One fresh data folder (database, secret, outbox) per test run; the server and the specs share it.
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
// E2E_DATABASE_URL (an empty PostgreSQL database) runs the same journeys on PostgreSQL; by default the
// server uses a SQLite file in the data folder.
const database: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  // Every test works on its own data (tests/e2e/fixtures.ts), so tests run in any order, two at a time.
  fullyParallel: true,
  workers: 2,
  // No retries: a test that fails once is a bug to fix, not to hide.
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Deadlines, not measurements: on two cores shared with other work an axe scan alone has taken over 30 s,
  // and a page over 5 s. A test that waits longer still fails; one that is merely slow does not.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      ...(fs.existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx src/cli/start.ts",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { ...e2eServerEnv(PORT, dataDir), ...database },
  },
});
