// Sent instead of a confirmation when the address is already subscribed: the owner learns it, nobody else does.
import { escapeHtml } from "@/domain/escape-html";
import { mailButtonRow, mailDocument, mailFooterRow, mailHeaderRow, mailLink, mailParagraphRow } from "./mail-layout";

export function alreadySubscribedEmail({ manageUrl, appUrl }: { manageUrl: string; appUrl: string }) {
  const subject = "You are already subscribed to paper-digest";
  const html = mailDocument({
    title: subject,
    preheader: "This address already gets the daily digest.",
    rows: [
      mailHeaderRow("You are already subscribed", appUrl),
      mailParagraphRow("Someone (probably you) asked to subscribe this address, and it already gets the daily digest."),
      mailParagraphRow("To change topics, pause or unsubscribe, open your subscription settings:"),
      mailButtonRow(manageUrl, "Manage subscription"),
      mailFooterRow([
        `Sent by ${mailLink(appUrl, escapeHtml(appUrl))}. If it was not you, ignore this mail: nothing has changed.`,
      ]),
    ],
  });
  const text = `Someone (probably you) asked to subscribe this address, and it already gets the daily digest.

To change topics, pause or unsubscribe, open your subscription settings:
${manageUrl}

Sent by ${appUrl}. If it was not you, ignore this mail: nothing has changed.
`;
  return { subject, html, text };
}
