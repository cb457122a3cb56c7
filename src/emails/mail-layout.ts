// The one layout of every mail (confirmation, already-subscribed, digest): a 600 px table card with inline
// CSS, one font stack, one palette and one button, so every mail client renders them alike. Inline styles
// carry the light theme every client understands; the <style> block only adds the dark override for clients
// that honour prefers-color-scheme (the others invert inline colours themselves).
import { escapeHtml } from "@/domain/escape-html";

export const COLORS = {
  page: "#f4f4f5",
  card: "#ffffff",
  text: "#18181b",
  muted: "#52525b",
  link: "#1d4ed8",
  rule: "#e4e4e7",
  accent: "#7c3aed",
  button: "#2f5bd3",
} as const;

export const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";

const DARK_MODE_STYLE = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .pd-page { background-color: #111113 !important; }
  .pd-card { background-color: #1f1f23 !important; border-color: #3f3f46 !important; }
  .pd-text { color: #f4f4f5 !important; }
  .pd-muted { color: #b4b4bd !important; }
  .pd-link { color: #93c5fd !important; }
  .pd-accent { color: #c4b5fd !important; }
  .pd-rule { border-color: #3f3f46 !important; }
}`;

/** The whole mail: `rows` are <tr> rows of the card, already escaped; the preheader is the inbox preview line. */
export function mailDocument({ title, preheader, rows }: { title: string; preheader: string; rows: string[] }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${DARK_MODE_STYLE}</style>
</head>
<body class="pd-page" style="margin:0;padding:0;background-color:${COLORS.page};">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(preheader)}</div>
<table role="presentation" class="pd-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${COLORS.page};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" class="pd-card" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:${COLORS.card};border:1px solid ${COLORS.rule};border-radius:8px;">
${rows.join("\n")}
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** The brand line (a link home) over the mail's heading. */
export function mailHeaderRow(heading: string, appUrl: string): string {
  return `<tr><td style="padding:24px 28px 8px 28px;${FONT}">
<a href="${escapeHtml(appUrl)}" class="pd-accent" style="color:${COLORS.accent};font-size:14px;font-weight:700;letter-spacing:0.04em;text-transform:uppercase;text-decoration:none;">Paper Digest</a>
<h1 class="pd-text" style="margin:6px 0 0 0;color:${COLORS.text};font-size:22px;line-height:1.3;font-weight:700;">${escapeHtml(heading)}</h1>
</td></tr>`;
}

/** A paragraph of body text; `html` must already be escaped. */
export function mailParagraphRow(html: string): string {
  return `<tr><td style="padding:8px 28px;${FONT}">
<p class="pd-text" style="margin:0;color:${COLORS.text};font-size:15px;line-height:1.6;">${html}</p>
</td></tr>`;
}

/** The call to action: one button, the same colour in every mail. */
export function mailButtonRow(href: string, label: string): string {
  return `<tr><td style="padding:16px 28px;${FONT}">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td style="background-color:${COLORS.button};border-radius:6px;"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 22px;color:#ffffff;font-size:15px;font-weight:600;text-decoration:none;${FONT}">${escapeHtml(label)}</a></td>
</tr></table>
</td></tr>`;
}

/** A link in the mail's link colour; `label` must already be escaped. */
export function mailLink(href: string, label: string, extraStyle = ""): string {
  return `<a href="${escapeHtml(href)}" class="pd-link" style="color:${COLORS.link};text-decoration:underline;${extraStyle}">${label}</a>`;
}

/** The small print under a rule; each entry is one already-escaped paragraph. */
export function mailFooterRow(paragraphs: string[]): string {
  const body = paragraphs
    .map(
      (html, i) =>
        `<p class="pd-muted" style="margin:${i === 0 ? "0" : "10px 0 0 0"};color:${COLORS.muted};font-size:13px;line-height:1.5;">${html}</p>`,
    )
    .join("\n");
  return `<tr><td class="pd-rule" style="padding:20px 28px 28px 28px;border-top:1px solid ${COLORS.rule};${FONT}">
${body}
</td></tr>`;
}
