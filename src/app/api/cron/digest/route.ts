// GET /api/cron/digest: send today's digest (DIGEST_TZ) to every active subscriber; safe to call again.
// Requires Authorization: Bearer <CRON_SECRET>; answers { date, status, sent, skipped, failed, pending, unknown },
// with 503 and `fault` when the run halted on a fault of the mail system (the deliveries stay pending).
import { isAuthorizedCron, unauthorizedCronResponse } from "@/server/platform/cron-auth";
import { getStore } from "@/server/store/open-store";
import { runDigest } from "@/server/digest/run-digest";
import { runSummary } from "@/server/digest/digest-run-result";
import { stopSignal } from "@/server/platform/shutdown";
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
    // A stopping server lets this run finish the mails in flight and return, claiming no more.
    signal: stopSignal(),
  });
  return Response.json(runSummary(result), {
    status: result.status === "halted" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
