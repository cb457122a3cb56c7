// When a delivery that failed temporarily (SMTP 4xx, connection refused) may be tried again.

const MINUTE_MS = 60_000;
const FIRST_DELAY_MS = 2 * MINUTE_MS;
const MAX_DELAY_MS = 60 * MINUTE_MS;

/** 2, 4, 8, 16, 32, 60, 60 … minutes after the nth failed attempt: gives a busy or greylisting server room. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}
