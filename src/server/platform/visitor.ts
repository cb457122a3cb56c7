// The anonymous visitor: an opaque random id in a signed cookie (no accounts). A missing, forged or
// tampered cookie simply means a new visitor; it is never an error.
import { env } from "@/env";
import { randomToken, safeEqual, sign } from "./secrets";

export const VISITOR_COOKIE = "pd_visitor";
/** 400 days: the longest lifetime browsers honour, so a reader's votes stay theirs. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface Visitor {
  id: string;
  /** True when the request carried no valid cookie: the caller should set one. */
  isNew: boolean;
}

/** The visitor id inside a cookie value `<id>.<signature>`, or null when absent or not ours. */
export function visitorIdFromCookieValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  const id = value.slice(0, dot);
  if (dot < 1 || !ID_PATTERN.test(id)) return null;
  return safeEqual(value.slice(dot + 1), sign("visitor", id)) ? id : null;
}

/** One cookie's value from a Cookie header (first occurrence wins, like browsers send the most specific first). */
export function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The verified visitor id of a request, or null. */
export function readVisitorId(request: Request): string | null {
  return visitorIdFromCookieValue(cookieValue(request.headers.get("cookie"), VISITOR_COOKIE));
}

/** The request's visitor, or a fresh one when it has no valid cookie. */
export function visitorFor(request: Request): Visitor {
  const id = readVisitorId(request);
  return id ? { id, isNew: false } : { id: randomToken(18), isNew: true };
}

/** The Set-Cookie header value that gives this visitor id to the browser. */
export function visitorCookie(id: string): string {
  const secure = env().appUrl.startsWith("https://") ? "; Secure" : "";
  return `${VISITOR_COOKIE}=${id}.${sign("visitor", id)}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}
