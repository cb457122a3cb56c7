// The environment a test gives its app processes: its own database, data folder, port, secrets and mail server.
import type { TempDb } from "./temp-db";

export const CRON_SECRET = "cron-secret-for-process-tests-0123";

export function appEnv(temp: TempDb, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: temp.url,
    DATA_DIR: temp.dir,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    CRON_SECRET,
    SECRET_KEY: "process-test-secret-key-0123456789abcdef",
    SCHEDULER: "off",
    SAMPLE_DATA: "off",
    ...extra,
  };
}

export const bearer = { authorization: `Bearer ${CRON_SECRET}` };
