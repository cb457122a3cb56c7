// Turns one reader's composed digest into the message the mailer sends: body, links and list headers.
import { composeDigest, type DigestItem } from "@/domain/digest/compose-digest";
import { parseJsonList } from "@/domain/json-list";
import { renderDigestEmail } from "@/emails/digest";
import type { OutgoingMail } from "@/server/platform/mail-types";
import { subscriberLinks } from "@/server/subscriptions/links";
import { clickUrl } from "./click-token";
import type { DigestRecipient } from "@/server/store/digest";
import type { DigestCandidates } from "./digest-candidates";
import type { DigestSettings } from "./digest-settings";

/** A weekly reader's first digest covers the week; a daily reader's the last day. */
const FIRST_WINDOW_DAYS = { daily: 1, weekly: 7 } as const;

/** One reader's items from the run's shared candidates. */
export async function composeFor(
  recipient: DigestRecipient,
  candidates: DigestCandidates,
  sentPaperIds: ReadonlySet<number>,
  size: number,
): Promise<DigestItem[]> {
  return composeDigest({
    candidates: candidates.papers,
    reader: {
      follows: await candidates.followsOf(recipient),
      lastDigestAt: recipient.lastDigestAt,
      sentPaperIds,
      firstWindowDays: FIRST_WINDOW_DAYS[recipient.cadence === "weekly" ? "weekly" : "daily"],
    },
    now: candidates.takenAt,
    size,
    excerptOf: candidates.excerptOf,
  });
}

/** RFC 8058 one-click unsubscribe, set verbatim: nodemailer's `list` option would rewrite the values. */
export function listUnsubscribeHeaders(unsubscribeUrl: string, mailto?: string): Record<string, string> {
  const targets = [`<${unsubscribeUrl}>`];
  if (mailto) targets.push(`<mailto:${mailto}?subject=unsubscribe>`);
  return { "List-Unsubscribe": targets.join(", "), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export interface DigestMailInput {
  recipient: DigestRecipient;
  items: readonly DigestItem[];
  date: string;
  /** The delivery the click links are attributed to; 0 for a preview that is not a delivery. */
  deliveryId: number;
  candidates: DigestCandidates;
  settings: DigestSettings;
}

export function digestMail({
  recipient,
  items,
  date,
  deliveryId,
  candidates,
  settings,
}: DigestMailInput): OutgoingMail {
  const links = subscriberLinks(recipient, settings.appUrl);
  const topicLabels = candidates.readerTopics(recipient.topics).labels;
  const rendered = renderDigestEmail({
    date,
    items,
    recipient: recipient.email,
    topicLabels,
    queryText: recipient.query,
    authors: parseJsonList(recipient.authors),
    weekly: recipient.cadence === "weekly",
    appUrl: settings.appUrl,
    manageUrl: links.manageUrl,
    unsubscribeUrl: links.unsubscribeUrl,
    itemUrl: (item) =>
      deliveryId > 0
        ? clickUrl(settings.appUrl, { deliveryId, paperId: item.paper.id })
        : `${settings.appUrl}/papers/${item.paper.slug}`,
  });
  return {
    to: recipient.email,
    ...rendered,
    headers: listUnsubscribeHeaders(links.unsubscribeUrl, settings.listUnsubscribeMailto),
  };
}
