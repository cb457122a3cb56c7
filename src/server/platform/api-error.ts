// The one JSON error shape of every API: { "error": { "code", "message", "field"? } }.
import type { z } from "zod";

export function jsonError(
  status: number,
  code: string,
  message: string,
  field?: string,
  headers?: HeadersInit,
): Response {
  return Response.json({ error: field ? { code, message, field } : { code, message } }, { status, headers });
}

/** A 400 naming the first invalid field of a zod error. */
export function validationError(error: z.ZodError): Response {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input";
  return jsonError(400, "invalid_parameter", message, field);
}

export function notFoundError(what: string): Response {
  return jsonError(404, "not_found", `${what} not found`);
}

export function rateLimitedError(retryAfterSeconds: number): Response {
  return jsonError(429, "rate_limited", `Too many requests; try again in ${retryAfterSeconds} s.`, undefined, {
    "Retry-After": String(retryAfterSeconds),
  });
}
