// The digest's settings, read from the environment once per run (tests pass their own).
import { env } from "@/env";

export interface DigestSettings {
  size: number;
  maxAttempts: number;
  timeZone: string;
  appUrl: string;
  listUnsubscribeMailto?: string;
  /** Deliveries sent at the same time; matches the SMTP pool's connections. */
  concurrency: number;
}

export function digestSettingsFromEnv(): DigestSettings {
  const settings = env();
  return {
    size: settings.DIGEST_SIZE,
    maxAttempts: settings.DIGEST_MAX_ATTEMPTS,
    timeZone: settings.DIGEST_TZ,
    appUrl: settings.appUrl,
    listUnsubscribeMailto: settings.LIST_UNSUBSCRIBE_MAILTO,
    concurrency: 5,
  };
}
