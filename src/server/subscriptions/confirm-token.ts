// Confirmation tokens: 256 random bits, only their SHA-256 stored, valid 48 hours and once.
import { randomToken, sha256 } from "@/server/platform/secrets";

export const CONFIRM_TTL_HOURS = 48;

export interface ConfirmToken {
  token: string;
  hash: string;
  expiresAt: Date;
}

export function createConfirmToken(now: Date): ConfirmToken {
  const token = randomToken(32);
  return { token, hash: hashConfirmToken(token), expiresAt: new Date(now.getTime() + CONFIRM_TTL_HOURS * 3_600_000) };
}

/** Lookups go by hash, so the database never holds a usable token. */
export function hashConfirmToken(token: string): string {
  return sha256(token);
}

/** Shape check before touching the database (43 base64url characters). */
export function isConfirmTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
