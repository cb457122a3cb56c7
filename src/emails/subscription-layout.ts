// Shared table layout (inline CSS, 600 px card) for the subscription emails, so every mail client renders it alike.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

export function emailButton(href: string, label: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0"><tr>
<td style="background:#2f5bd3;border-radius:6px"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 22px;color:#ffffff;font-weight:600;text-decoration:none;font-family:Arial,Helvetica,sans-serif;font-size:15px">${escapeHtml(label)}</a></td>
</tr></table>`;
}

/** Wraps body HTML (already escaped) in the product's card layout with a small footer. */
export function emailLayout({ title, bodyHtml, footerHtml }: { title: string; bodyHtml: string; footerHtml: string }): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px">
<tr><td style="padding:20px 28px;border-bottom:1px solid #e4e4e7;font-family:Arial,Helvetica,sans-serif;font-size:18px;font-weight:700;color:#18181b">paper-digest</td></tr>
<tr><td style="padding:24px 28px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.6;color:#27272a">${bodyHtml}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e4e4e7;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:1.5;color:#71717a">${footerHtml}</td></tr>
</table></td></tr></table>
</body></html>`;
}
