// Environment for subscription route tests: a fixed app URL and secret, a temp db, and a mailer on a real SMTP server.
import { resetEnvCache } from "../../src/env";
import { createMailer, useMailer } from "../../src/server/platform/mailer";
import type { Mailer } from "../../src/server/platform/mail-types";
import { createRouteTestDb, request } from "./route";
import { startSmtpCatcher, type SmtpCatcher } from "./smtp-catcher";
import type { TempDb } from "./temp-db";

export const APP_URL = "http://localhost:3000";

export function smtpMailer(url: string): Mailer {
  return createMailer({
    smtpUrl: url,
    pool: false,
    outboxDir: "/nonexistent",
    from: "paper-digest <digest@localhost>",
    appUrl: APP_URL,
    log: () => {},
  });
}

export async function startSubscriptionEnv(): Promise<{ temp: TempDb; smtp: SmtpCatcher; stop(): Promise<void> }> {
  process.env.APP_URL = APP_URL;
  process.env.SECRET_KEY = "test-secret-key-that-is-long-enough-0123456789";
  resetEnvCache();
  const temp = await createRouteTestDb();
  const smtp = await startSmtpCatcher();
  const mailer = smtpMailer(smtp.url);
  useMailer(mailer);
  return {
    temp,
    smtp,
    async stop() {
      useMailer(undefined);
      await mailer.close();
      await smtp.close();
      await temp.cleanup();
    },
  };
}

/** The first http(s) URL in a mail's text part that starts with `prefix`. */
export function linkIn(text: string | undefined, prefix: string): string {
  const link = (text ?? "").split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no ${prefix} link in:\n${text}`);
  return link;
}

export function tokenOf(url: string): string {
  return new URL(url).searchParams.get("token") ?? "";
}

/** The reader's click on the confirmation page's button: a same-origin form post of the token. */
export async function clickConfirm(token: string): Promise<{ status: number; html: string }> {
  const { POST } = await import("../../src/app/api/subscriptions/confirm/route");
  const response = await POST(
    new Request(`${APP_URL}/api/subscriptions/confirm`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: APP_URL },
      body: new URLSearchParams({ token }),
    }),
  );
  return { status: response.status, html: await response.text() };
}

/** A JSON subscribe request for `email` from the client at `ip`. */
export function subscribeRequest(email: string, ip: string): Request {
  return request("/api/subscriptions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
    ip,
  });
}
