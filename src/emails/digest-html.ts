// HTML building blocks of the digest mail: table layout, inline CSS, colours chosen for light and dark.
// Inline styles carry the light theme every client understands; the <style> block only adds the dark
// override for clients that honour prefers-color-scheme (the others invert inline colours themselves).

export const COLORS = {
  page: "#f4f4f5", card: "#ffffff", text: "#18181b", muted: "#52525b", link: "#1d4ed8", rule: "#e4e4e7", accent: "#7c3aed",
} as const;

export const DARK_MODE_STYLE = `
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

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

export function htmlDocument(title: string, preheader: string, rows: string): string {
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
${rows}
</table>
</td></tr>
</table>
</body>
</html>`;
}

export function headerRow(dateLabel: string, appUrl: string): string {
  return `<tr><td style="padding:24px 28px 8px 28px;${FONT}">
<a href="${escapeHtml(appUrl)}" class="pd-accent" style="color:${COLORS.accent};font-size:14px;font-weight:700;letter-spacing:0.04em;text-transform:uppercase;text-decoration:none;">Paper Digest</a>
<h1 class="pd-text" style="margin:6px 0 0 0;color:${COLORS.text};font-size:22px;line-height:1.3;font-weight:700;">${escapeHtml(dateLabel)}</h1>
</td></tr>`;
}

export function sectionRow(label: string): string {
  return `<tr><td class="pd-rule" style="padding:20px 28px 4px 28px;border-top:1px solid ${COLORS.rule};${FONT}">
<h2 class="pd-accent" style="margin:0;color:${COLORS.accent};font-size:13px;font-weight:700;letter-spacing:0.06em;text-transform:uppercase;">${escapeHtml(label)}</h2>
</td></tr>`;
}

export interface ItemView {
  number: number;
  title: string;
  url: string;
  authors: string;
  excerpt: string;
  reason: string;
}

export function itemRow(item: ItemView): string {
  const authors = item.authors
    ? `<p class="pd-muted" style="margin:4px 0 0 0;color:${COLORS.muted};font-size:13px;line-height:1.4;">${escapeHtml(item.authors)}</p>`
    : "";
  return `<tr><td style="padding:14px 28px;${FONT}">
<a href="${escapeHtml(item.url)}" class="pd-link" style="color:${COLORS.link};font-size:17px;line-height:1.35;font-weight:600;text-decoration:none;">${item.number}. ${escapeHtml(item.title)}</a>
${authors}
<p class="pd-text" style="margin:8px 0 0 0;color:${COLORS.text};font-size:15px;line-height:1.5;">${escapeHtml(item.excerpt)}</p>
<p class="pd-muted" style="margin:6px 0 0 0;color:${COLORS.muted};font-size:13px;line-height:1.4;"><strong>Why it's here:</strong> ${escapeHtml(item.reason)}</p>
</td></tr>`;
}

export interface FooterView {
  why: string;
  manageUrl: string;
  unsubscribeUrl: string;
  webUrl: string;
}

export function footerRow(footer: FooterView): string {
  const link = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}" class="pd-link" style="color:${COLORS.link};text-decoration:underline;">${label}</a>`;
  return `<tr><td class="pd-rule" style="padding:20px 28px 28px 28px;border-top:1px solid ${COLORS.rule};${FONT}">
<p class="pd-muted" style="margin:0;color:${COLORS.muted};font-size:13px;line-height:1.5;">${escapeHtml(footer.why)}</p>
<p class="pd-muted" style="margin:10px 0 0 0;color:${COLORS.muted};font-size:13px;line-height:1.5;">${link(footer.manageUrl, "Manage your topics")} &middot; ${link(footer.unsubscribeUrl, "Unsubscribe")} &middot; ${link(footer.webUrl, "View in your browser")}</p>
</td></tr>`;
}
