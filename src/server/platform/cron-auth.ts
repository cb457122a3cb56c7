// Authenticates /api/cron/* calls: `Authorization: Bearer <CRON_SECRET>`, compared in constant time.
// The secret is never accepted from the query string (it would end up in access logs).
import { env } from "@/env";
import { safeEqual } from "./secrets";

export function cronSecret(): string | undefined {
  return env().CRON_SECRET;
}

export function isAuthorizedCron(request: Request, secret = cronSecret()): boolean {
  if (!secret) return false;
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match !== null && safeEqual(match[1]!, secret);
}

export function unauthorizedCronResponse(): Response {
  return Response.json(
    { error: { code: "unauthorized", message: "Send Authorization: Bearer <CRON_SECRET>." } },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="cron"' } },
  );
}
