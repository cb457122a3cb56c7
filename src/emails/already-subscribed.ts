// Sent instead of a confirmation when the address is already subscribed: the owner learns it, nobody else does.
import { emailButton, emailLayout, escapeHtml } from "./subscription-layout";

export function alreadySubscribedEmail({ manageUrl, appUrl }: { manageUrl: string; appUrl: string }) {
  const subject = "You are already subscribed to paper-digest";
  const html = emailLayout({
    title: subject,
    bodyHtml: `<p style="margin:0 0 12px">Someone (probably you) asked to subscribe this address, and it already gets the daily digest.</p>
<p style="margin:0">To change topics, pause or unsubscribe, open your subscription settings:</p>
${emailButton(manageUrl, "Manage subscription")}`,
    footerHtml: `Sent by <a href="${escapeHtml(appUrl)}" style="color:#71717a">${escapeHtml(appUrl)}</a>. If it was not you, ignore this mail: nothing has changed.`,
  });
  const text = `Someone (probably you) asked to subscribe this address, and it already gets the daily digest.

To change topics, pause or unsubscribe, open your subscription settings:
${manageUrl}

Sent by ${appUrl}. If it was not you, ignore this mail: nothing has changed.
`;
  return { subject, html, text };
}
