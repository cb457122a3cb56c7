// The subject names the edition's date and its top paper, short enough for a phone's inbox list.
import type { DigestItem } from "./compose-digest";
import { formatShortDigestDate } from "./digest-date";

const MAX_TITLE_CHARS = 70;

function shorten(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const cut = title.slice(0, MAX_TITLE_CHARS - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > MAX_TITLE_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.\-–—]+$/, "")}…`;
}

export function digestSubject(date: string, items: readonly DigestItem[], weekly = false): string {
  const top = items[0];
  const day = formatShortDigestDate(date);
  const name = weekly ? "Weekly paper digest" : "Paper digest";
  if (!top) return `${name}, ${day}`;
  const more = items.length > 1 ? ` (+${items.length - 1} more)` : "";
  return `${name}, ${day}: ${shorten(top.paper.title)}${more}`;
}
