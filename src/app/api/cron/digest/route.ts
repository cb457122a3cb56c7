// GET /api/cron/digest: send today's digest (DIGEST_TZ) to every active subscriber; safe to call again.
// Requires Authorization: Bearer <CRON_SECRET>; answers { date, sent, skipped, failed, pending, unknown }.
import { isAuthorizedCron, unauthorizedCronResponse } from "@/server/platform/cron-auth";
import { getStore } from "@/server/store/open-store";
import { runDigest } from "@/server/digest/run-digest";
import { digestSettingsFromEnv } from "@/server/digest/digest-settings";
import { mailerFromEnv } from "@/server/platform/mailer";

export const dynamic = "force-dynamic";
// A 10k-subscriber edition at the default 50 mails/s takes a few minutes; Vercel cuts functions off earlier.
export const maxDuration = 300;

export async function GET(request: Request): Promise<Response> {
  if (!isAuthorizedCron(request)) return unauthorizedCronResponse();
  const result = await runDigest({
    store: await getStore(),
    mailer: mailerFromEnv(),
    now: new Date(),
    settings: digestSettingsFromEnv(),
    log: (line) => console.log(line),
  });
  return Response.json(
    {
      date: result.date,
      sent: result.sent,
      skipped: result.skipped,
      failed: result.failed,
      pending: result.pending,
      unknown: result.unknown,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
