// Input of the vote and view routes: the paper id, the no-JavaScript form, same-origin checks and rate limits.
import { z } from "zod";
import { env } from "@/env";
import { createRateLimiter } from "@/server/platform/rate-limiter";

/** 30 votes a minute per IP: far above a reader clicking through a feed, far below a script. */
export const voteLimiter = createRateLimiter({ scope: "vote", limit: 30, windowMs: 60_000 });
/** 120 view beacons a minute per IP: a reader opening two papers a second still counts. */
export const viewLimiter = createRateLimiter({ scope: "view", limit: 120, windowMs: 60_000 });

export const PaperIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, "must be a positive whole number")
    .transform(Number),
});

/** A same-origin path such as "/?window=week#paper-12"; never "//host" or "/\host" (open redirects). */
export function isSafeRedirect(path: string): boolean {
  return /^\/(?![/\\])[^\s\\\x00-\x1f\x7f]*$/.test(path) && path.length <= 2000;
}

export const VoteFormSchema = z.object({
  action: z.enum(["upvote", "remove"], "must be upvote or remove"),
  redirect: z.string().refine(isSafeRedirect, "must be a path on this site, like /?window=week").default("/"),
});
export type VoteForm = z.infer<typeof VoteFormSchema>;

/** Whether the body is an HTML form post (the no-JavaScript path). */
export function isFormPost(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
}

/** The form's fields as strings, or null when the body cannot be read as a form. */
export async function readForm(request: Request): Promise<Record<string, string> | null> {
  try {
    const form = await request.formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of form) if (typeof value === "string" && !(name in fields)) fields[name] = value;
    return fields;
  } catch {
    return null;
  }
}

/**
 * True for a request another site made the browser send (cross-site form or fetch): such votes and views
 * would come without our SameSite=Lax cookie, so they would count as a stream of new visitors.
 */
export function isCrossSite(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  const allowed = new Set([new URL(request.url).origin, new URL(env().appUrl).origin]);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`).add(`https://${host}`);
  return !allowed.has(origin);
}
