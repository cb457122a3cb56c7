// Runs one digest in a separate process (argv: database URL, SMTP URL, ISO time, mails/s), printing the result as JSON:
// the second process of the "two runners at once" test.
import { env } from "../../src/env";
import { openStore } from "../../src/server/store/open-store";
import { runDigest } from "../../src/server/digest/run-digest";
import { createMailer } from "../../src/server/platform/mailer";
import { APP_URL, digestTestSettings } from "./digest-fixtures";

const [url, smtpUrl, iso, rate = "1000"] = process.argv.slice(2);
if (!url || !smtpUrl || !iso) throw new Error("usage: digest-child-run <db url> <smtp url> <iso time>");
const now = new Date(iso);
const store = await openStore(url, { halfLifeHours: env().TRENDING_HALF_LIFE_HOURS });
const mailer = createMailer({
  smtpUrl,
  outboxDir: "/nonexistent",
  from: "digest@papers.example.org",
  appUrl: APP_URL,
  ratePerSecond: Number(rate),
  log: () => {},
  clock: () => now,
});
const result = await runDigest({ store, mailer, now, settings: digestTestSettings() });
await mailer.close();
await store.close();
process.stdout.write(JSON.stringify(result));
