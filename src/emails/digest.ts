// The daily digest mail: { subject, html, text } from a composed digest and the reader's links.
import type { DigestItem } from "@/domain/digest/compose-digest";
import { formatDigestDate } from "@/domain/digest/digest-date";
import { digestSubject } from "@/domain/digest/digest-subject";
import { escapeHtml } from "@/domain/escape-html";
import { itemRow, sectionRow, type ItemView } from "./digest-html";
import { mailDocument, mailFooterRow, mailHeaderRow, mailLink } from "./mail-layout";

export interface DigestEmailInput {
  /** Edition date, "YYYY-MM-DD" in DIGEST_TZ. */
  date: string;
  items: readonly DigestItem[];
  recipient: string;
  /** Labels of the topics the reader chose (empty: no topics). */
  topicLabels: readonly string[];
  /** The reader's saved search words ("" or absent: none). */
  queryText?: string;
  /** The authors the reader follows, as they wrote them. */
  authors?: readonly string[];
  /** A weekly reader's edition (covers the week). */
  weekly?: boolean;
  appUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
  /** The tracked /r/... link of an item. */
  itemUrl: (item: DigestItem) => string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const MAX_AUTHORS = 5;

function authorLine(authors: readonly string[]): string {
  if (authors.length <= MAX_AUTHORS) return authors.join(", ");
  return `${authors.slice(0, MAX_AUTHORS).join(", ")} et al.`;
}

function sectionLabel(section: DigestItem["section"], hasTopics: boolean): string {
  if (section === "topics") return "Matching what you follow";
  return hasTopics ? "Also trending" : "Trending now";
}

function whyYouGetThis(input: DigestEmailInput): string {
  const host = new URL(input.appUrl).host;
  const follows = [
    input.topicLabels.length > 0 ? `Your topics: ${input.topicLabels.join(", ")}.` : "",
    input.queryText ? `Your search: “${input.queryText}”.` : "",
    input.authors?.length ? `Your authors: ${input.authors.join(", ")}.` : "",
  ].filter(Boolean);
  const cadence = input.weekly ? "weekly" : "daily";
  return [
    `You get this email because ${input.recipient} subscribed to the Paper Digest ${cadence} email at ${host} and confirmed the address.`,
    ...follows,
  ].join(" ");
}

/** Items grouped under their section label, numbered across sections. */
function grouped(input: DigestEmailInput): { label: string; views: ItemView[] }[] {
  const hasTopics = input.items.some((item) => item.section === "topics");
  const groups: { label: string; views: ItemView[] }[] = [];
  input.items.forEach((item, index) => {
    const label = sectionLabel(item.section, hasTopics);
    let group = groups.at(-1);
    if (!group || group.label !== label) groups.push((group = { label, views: [] }));
    group.views.push({
      number: index + 1,
      title: item.paper.title,
      url: input.itemUrl(item),
      authors: authorLine(item.paper.authors),
      excerpt: item.excerpt,
      reason: item.reason,
    });
  });
  return groups;
}

export function renderDigestEmail(input: DigestEmailInput): RenderedEmail {
  const subject = digestSubject(input.date, input.items, input.weekly);
  const dateLabel = formatDigestDate(input.date);
  const webUrl = `${input.appUrl}/digest/${input.date}`;
  const why = whyYouGetThis(input);
  const groups = grouped(input);

  const links = [
    mailLink(input.manageUrl, "Change what you follow"),
    mailLink(input.unsubscribeUrl, "Unsubscribe"),
    mailLink(webUrl, "View in your browser"),
  ];
  const rows = [
    mailHeaderRow(dateLabel, input.appUrl),
    ...groups.flatMap((group) => [sectionRow(group.label), ...group.views.map(itemRow)]),
    mailFooterRow([escapeHtml(why), links.join(" &middot; ")]),
  ];
  const preheader = input.items[0] ? `Today's top paper: ${input.items[0].paper.title}` : dateLabel;
  const html = mailDocument({ title: subject, preheader, rows });

  const textLines = [`PAPER DIGEST: ${dateLabel}`, ""];
  for (const group of groups) {
    textLines.push(group.label.toUpperCase(), "");
    for (const view of group.views) {
      textLines.push(`${view.number}. ${view.title}`, `   ${view.url}`);
      if (view.authors) textLines.push(`   ${view.authors}`);
      textLines.push(`   ${view.excerpt}`, `   Why it's here: ${view.reason}`, "");
    }
  }
  textLines.push(
    "-- ",
    why,
    "",
    `Change what you follow: ${input.manageUrl}`,
    `Unsubscribe: ${input.unsubscribeUrl}`,
    `This edition on the web: ${webUrl}`,
    "",
  );
  return { subject, html, text: textLines.join("\n") };
}
