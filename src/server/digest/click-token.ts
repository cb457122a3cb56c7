// Tokens of the tracked /r/<token> links in a digest: which delivery and which paper, HMAC-signed so a
// click cannot be forged for another paper or reader. Format: <deliveryId>.<paperId>.<22-char signature>.
import { safeEqual, sign } from "@/server/platform/secrets";

const PURPOSE = "digest-click";
// 22 base64url characters = 132 bits: unforgeable, and the link stays short.
const SIGNATURE_LENGTH = 22;
const TOKEN_PATTERN = /^([1-9][0-9]{0,11})\.([1-9][0-9]{0,11})\.([A-Za-z0-9_-]{22})$/;

export interface ClickTarget {
  deliveryId: number;
  paperId: number;
}

export function clickToken({ deliveryId, paperId }: ClickTarget): string {
  return `${deliveryId}.${paperId}.${sign(PURPOSE, `${deliveryId}.${paperId}`).slice(0, SIGNATURE_LENGTH)}`;
}

/** The delivery and paper a token names, or null when it is malformed or its signature is wrong. */
export function verifyClickToken(token: string): ClickTarget | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const target = { deliveryId: Number(match[1]), paperId: Number(match[2]) };
  return safeEqual(token, clickToken(target)) ? target : null;
}

export function clickUrl(appUrl: string, target: ClickTarget): string {
  return `${appUrl}/r/${clickToken(target)}`;
}
