// The digest on the web: today's general edition, archived editions, and a reader's own next digest.
import type { DigestItem } from "@/domain/digest/compose-digest";
import { digestDateOf } from "@/domain/digest/digest-date";
import type { Paper } from "@/domain/paper";
import type { Db } from "@/server/db";
import { PAPER_ROW_SELECT, toPaper } from "@/server/paper-rows";
import { topicsOfPapers } from "@/server/paper-topics";
import { findSubscriberByManageToken } from "@/server/subscriptions/find-subscriber";
import { loadDigestCandidates } from "./digest-candidates";
import { composeFor } from "./digest-mail";
import type { DigestSettings } from "./digest-settings";
import { sentPapersOf } from "./due-deliveries";

const GENERAL_READER = { id: 0, email: "", topics: "[]", lastDigestAt: null, manageTokenHash: "" };

/** Today's edition for everyone: the last day's overall top list, no personal topics. */
export async function todayEdition(
  db: Db,
  now: Date,
  settings: DigestSettings,
): Promise<{ date: string; items: DigestItem[] }> {
  const candidates = await loadDigestCandidates(db, now);
  return {
    date: digestDateOf(now, settings.timeZone),
    items: composeFor(GENERAL_READER, candidates, new Set(), settings.size),
  };
}

export interface ArchivedEdition {
  date: string;
  readers: number;
  /** The papers the edition sent, most widely sent first. */
  papers: { paper: Paper; sentTo: number }[];
}

/** What a past run actually sent, or null when there was no run that day. */
export async function archivedEdition(db: Db, date: string, limit = 20): Promise<ArchivedEdition | null> {
  const run = await db.digestRun.findUnique({ where: { date }, select: { id: true } });
  if (!run) return null;
  const deliveries = await db.delivery.findMany({
    where: { runId: run.id, status: "sent" },
    select: { paperIds: true },
  });
  const sentTo = new Map<number, number>();
  for (const delivery of deliveries) {
    for (const id of JSON.parse(delivery.paperIds) as number[]) sentTo.set(id, (sentTo.get(id) ?? 0) + 1);
  }
  const rows = await db.paper.findMany({ where: { id: { in: [...sentTo.keys()] } }, select: PAPER_ROW_SELECT });
  const topics = await topicsOfPapers(
    db,
    rows.map((row) => row.id),
  );
  const papers = rows
    .map((row) => ({ paper: toPaper(row, topics.get(row.id) ?? []), sentTo: sentTo.get(row.id) ?? 0 }))
    .sort((a, b) => b.sentTo - a.sentTo || b.paper.trendKey - a.paper.trendKey)
    .slice(0, limit);
  return { date, readers: deliveries.length, papers };
}

/** The latest editions that sent something, newest first. */
export async function recentEditions(db: Db, limit = 14): Promise<{ date: string; sent: number }[]> {
  const runs = await db.digestRun.findMany({
    orderBy: { date: "desc" },
    take: limit,
    select: { date: true, _count: { select: { deliveries: { where: { status: "sent" } } } } },
  });
  return runs
    .filter((run) => run._count.deliveries > 0)
    .map((run) => ({ date: run.date, sent: run._count.deliveries }));
}

/** A reader's own next digest, as it would be composed now; null for an invalid token. */
export async function subscriberPreview(db: Db, token: string | undefined, now: Date, settings: DigestSettings) {
  const subscriber = await findSubscriberByManageToken(db, token);
  if (!subscriber) return null;
  const candidates = await loadDigestCandidates(db, now);
  const sent = (await sentPapersOf(db, [subscriber.id], now)).get(subscriber.id) ?? new Set<number>();
  return {
    date: digestDateOf(now, settings.timeZone),
    status: subscriber.status,
    items: composeFor(subscriber, candidates, sent, settings.size),
  };
}
