// The double opt-in mail: one button to confirm, what the reader signed up for, and what to do if it was not them.
import { emailButton, emailLayout, escapeHtml } from "./subscription-layout";

export interface ConfirmationEmailInput {
  confirmUrl: string;
  topics: readonly string[];
  expiresInHours: number;
  appUrl: string;
}

export function confirmationEmail({ confirmUrl, topics, expiresInHours, appUrl }: ConfirmationEmailInput) {
  const subject = "Confirm your paper-digest subscription";
  const what = topics.length > 0 ? `trending papers on ${topics.join(", ")}` : "the day's trending papers";
  const html = emailLayout({
    title: subject,
    bodyHtml: `<p style="margin:0 0 12px">Please confirm that you want a daily email with ${escapeHtml(what)}.</p>
${emailButton(confirmUrl, "Confirm subscription")}
<p style="margin:0 0 12px">Or paste this link into your browser:<br><a href="${escapeHtml(confirmUrl)}" style="color:#1d4ed8;word-break:break-all">${escapeHtml(confirmUrl)}</a></p>
<p style="margin:0">The link works once and expires in ${expiresInHours} hours.</p>`,
    footerHtml: `You get this because someone entered this address at <a href="${escapeHtml(appUrl)}" style="color:#71717a">${escapeHtml(appUrl)}</a>. If it was not you, ignore this mail: nothing is sent without confirmation.`,
  });
  const text = `Please confirm that you want a daily email with ${what}.

Confirm your subscription:
${confirmUrl}

The link works once and expires in ${expiresInHours} hours.

You get this because someone entered this address at ${appUrl}.
If it was not you, ignore this mail: nothing is sent without confirmation.
`;
  return { subject, html, text };
}
