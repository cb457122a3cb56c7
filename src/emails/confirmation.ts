// The double opt-in mail: one button to confirm, what the reader signed up for, and what to do if it was not them.
import { escapeHtml } from "@/domain/escape-html";
import { mailButtonRow, mailDocument, mailFooterRow, mailHeaderRow, mailLink, mailParagraphRow } from "./mail-layout";

export interface ConfirmationEmailInput {
  confirmUrl: string;
  topics: readonly string[];
  expiresInHours: number;
  appUrl: string;
}

export function confirmationEmail({ confirmUrl, topics, expiresInHours, appUrl }: ConfirmationEmailInput) {
  const subject = "Confirm your paper-digest subscription";
  const what = topics.length > 0 ? `trending papers on ${topics.join(", ")}` : "the day's trending papers";
  const html = mailDocument({
    title: subject,
    preheader: `Confirm to get a daily email with ${what}.`,
    rows: [
      mailHeaderRow("Confirm your subscription", appUrl),
      mailParagraphRow(`Please confirm that you want a daily email with ${escapeHtml(what)}.`),
      mailButtonRow(confirmUrl, "Confirm subscription"),
      mailParagraphRow(
        `Or paste this link into your browser:<br>${mailLink(confirmUrl, escapeHtml(confirmUrl), "word-break:break-all;")}`,
      ),
      mailParagraphRow(`The link works once and expires in ${expiresInHours} hours.`),
      mailFooterRow([
        `You get this because someone entered this address at ${mailLink(appUrl, escapeHtml(appUrl))}. If it was not you, ignore this mail: nothing is sent without confirmation.`,
      ]),
    ],
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
