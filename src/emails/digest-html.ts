// The digest's own rows inside the shared mail layout: section headings and one row per paper.
import { escapeHtml } from "@/domain/escape-html";
import { COLORS, FONT } from "./mail-layout";

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
