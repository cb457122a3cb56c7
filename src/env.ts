// The only reader of process.env: every setting parsed with zod, with a safe local default.
import path from "node:path";
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const onOff = (fallback: "on" | "off") => z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).default(fallback));

export const EnvSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  APP_MODE: z.preprocess(emptyAsUndefined, z.enum(["local", "production"]).optional()),
  PORT: int(3000, 1, 65535),
  APP_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  DATA_DIR: optionalString,
  DATABASE_URL: optionalString,
  SECRET_KEY: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "SECRET_KEY must be at least 32 characters").optional(),
  ),
  CRON_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),
  ),
  TRENDING_HALF_LIFE_HOURS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .positive()
      .max(24 * 365)
      .default(24),
  ),
  SMTP_URL: optionalString,
  MAIL_TRANSPORT: z.preprocess(emptyAsUndefined, z.enum(["smtp", "outbox"]).optional()),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("paper-digest <digest@localhost>")),
  MAIL_OUTBOX_DIR: optionalString,
  MAIL_RATE_PER_SEC: int(50, 1, 10_000),
  /** How long the mailer waits for each SMTP reply; a reply that never comes after the message went out is "unknown". */
  SMTP_TIMEOUT_MS: int(30_000, 100, 600_000),
  /** How long a stopping process (SIGTERM, SIGINT) lets the mails it is sending finish before it gives up. */
  SHUTDOWN_TIMEOUT_MS: int(8_000, 100, 600_000),
  LIST_UNSUBSCRIBE_MAILTO: optionalString,
  DIGEST_SIZE: int(10, 1, 50),
  DIGEST_CRON: z.preprocess(emptyAsUndefined, z.string().default("0 7 * * *")),
  DIGEST_TZ: z.preprocess(emptyAsUndefined, z.string().default("UTC")),
  DIGEST_MAX_ATTEMPTS: int(5, 1, 50),
  SCHEDULER: onOff("on"),
  /** How long a server's scheduler lease lasts unrenewed: another server takes over this long after one dies. */
  SCHEDULER_LEASE_MS: int(60_000, 1_000, 3_600_000),
  INGEST_CRON: z.preprocess(emptyAsUndefined, z.string().default("30 6 * * *")),
  INGEST_SOURCES: optionalString,
  INGEST_CONTACT: z.preprocess(emptyAsUndefined, z.string().default("operator@localhost")),
  INGEST_TIMEOUT_MS: int(30_000, 1_000, 600_000),
  INGEST_MAX_RESULTS: int(2_000, 1, 30_000),
  INGEST_MAX_MB: int(25, 1, 1_024),
  SAMPLE_DATA: onOff("on"),
  TRUSTED_PROXIES: int(0, 0, 10),
  /** Memory for the in-process cache of public pages and API answers (0 turns it off). */
  RESPONSE_CACHE_MB: int(64, 0, 4_096),
  DEV_OUTBOX: onOff("off"),
});

export type RawEnv = z.infer<typeof EnvSchema>;

export interface AppEnv extends RawEnv {
  appUrl: string;
  dataDir: string;
  databaseUrl: string;
  outboxDir: string;
  /** Production mode: APP_MODE=production, or NODE_ENV=production serving an https APP_URL. */
  isProduction: boolean;
  /** /dev/outbox is served (to loopback clients only): DEV_OUTBOX=on, and never in production. */
  devOutbox: boolean;
}

/** Parse an environment; throws an Error whose message names each bad variable. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): AppEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const appUrl = (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
  const dataDir = path.resolve(cwd, raw.DATA_DIR ?? "data");
  const databaseUrl = raw.DATABASE_URL ?? `file:${path.join(dataDir, "paper-digest.db")}`;
  const isProduction =
    raw.APP_MODE === "production" ||
    (raw.APP_MODE === undefined && raw.NODE_ENV === "production" && appUrl.startsWith("https://"));
  return {
    ...raw,
    appUrl,
    dataDir,
    databaseUrl,
    outboxDir: path.resolve(cwd, raw.MAIL_OUTBOX_DIR ?? path.join(dataDir, "outbox")),
    isProduction,
    devOutbox: raw.DEV_OUTBOX === "on" && !isProduction,
  };
}

/** Settings production refuses to run without; returns the names that are missing. */
export function missingProductionSettings(env: AppEnv): string[] {
  if (!env.isProduction) return [];
  const missing: string[] = [];
  if (!env.SECRET_KEY) missing.push("SECRET_KEY");
  if (!env.CRON_SECRET) missing.push("CRON_SECRET");
  if (!env.APP_URL) missing.push("APP_URL");
  if (!env.SMTP_URL && env.MAIL_TRANSPORT !== "outbox") missing.push("SMTP_URL (or MAIL_TRANSPORT=outbox)");
  return missing;
}

let cached: AppEnv | undefined;

export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and the start script change process.env, then call this. */
export function resetEnvCache(): void {
  cached = undefined;
}
