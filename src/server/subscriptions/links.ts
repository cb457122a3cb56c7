// Subscriber links: the manage token is HMAC-signed over a stored per-subscriber nonce, so any job can
// rebuild it at send time; rotating the nonce revokes every old manage and unsubscribe link.
import { randomToken, safeEqual, sign } from "@/server/platform/secrets";

/** What a manage token is derived from; `manageTokenHash` holds the random nonce (see docs/subscriptions.md). */
export interface TokenSubject {
  id: number;
  manageTokenHash: string;
}

export interface SubscriberLinks {
  manageUrl: string;
  unsubscribeUrl: string;
  previewUrl: string;
}

const MANAGE_PURPOSE = "subscriber-manage";

/** A fresh nonce for a new subscriber or a rotation (128 bits). */
export function newManageNonce(): string {
  return randomToken(16);
}

/** `<id>.<HMAC(SECRET_KEY, id.nonce)>`: nothing guessable, nothing stored that lets someone forge it. */
export function manageToken(subject: TokenSubject): string {
  return `${subject.id}.${sign(MANAGE_PURPOSE, `${subject.id}.${subject.manageTokenHash}`)}`;
}

/** The subscriber id a token claims, or null when it is not even shaped like a token. */
export function manageTokenId(token: string): number | null {
  const match = /^([1-9][0-9]{0,9})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match?.[1] ? Number(match[1]) : null;
}

/** Constant-time check of a token against the subscriber it claims to be for. */
export function manageTokenMatches(token: string, subject: TokenSubject): boolean {
  return safeEqual(token, manageToken(subject));
}

export function subscriberLinks(subscriber: TokenSubject, appUrl: string): SubscriberLinks {
  const token = encodeURIComponent(manageToken(subscriber));
  const base = appUrl.replace(/\/+$/, "");
  return {
    manageUrl: `${base}/subscription?token=${token}`,
    unsubscribeUrl: `${base}/unsubscribe?token=${token}`,
    previewUrl: `${base}/digest/preview?token=${token}`,
  };
}

export function confirmUrl(confirmToken: string, appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/subscription/confirm?token=${encodeURIComponent(confirmToken)}`;
}
