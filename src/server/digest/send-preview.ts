// --to <email>: sends one preview of the edition to any address, recording nothing. A subscriber gets
// their own next digest; anyone else gets the general edition (the last day's overall top list).
import type { Mailer } from "@/server/platform/mail-types";
import type { DigestRecipient } from "@/server/store/digest";
import { loadDigestCandidates } from "./digest-candidates";
import type { DigestSettings } from "./digest-settings";
import { composeFor, digestMail } from "./digest-mail";
import type { DigestJobStore, DigestRunResult } from "./digest-run-result";
import { sentPapersOf } from "./sent-papers";

export interface PreviewOptions {
  store: DigestJobStore;
  mailer: Mailer;
  now: Date;
  date: string;
  settings: DigestSettings;
  to: string;
}

export async function sendDigestPreview({
  store,
  mailer,
  now,
  date,
  settings,
  to,
}: PreviewOptions): Promise<DigestRunResult> {
  const subscriber = await store.subscribers.byEmail(to.trim());
  // A stranger's links carry a token for no subscriber (id 0): they lead to the "link expired" page.
  const recipient: DigestRecipient = subscriber ?? {
    id: 0,
    email: to.trim(),
    topics: "[]",
    query: "",
    authors: "[]",
    cadence: "daily",
    lastDigestAt: null,
    manageTokenHash: "preview",
  };
  const candidates = await loadDigestCandidates(store, now);
  const sent = subscriber
    ? ((await sentPapersOf(store, [subscriber.id], now)).get(subscriber.id) ?? new Set<number>())
    : new Set<number>();
  const items = await composeFor(recipient, candidates, sent, settings.size);
  const base = { date, status: "finished" as const, failed: 0, pending: 0, unknown: 0 };
  if (items.length === 0) return { ...base, sent: 0, skipped: 1 };
  const mail = digestMail({ recipient, items, date, deliveryId: 0, candidates, settings });
  await mailer.send({ ...mail, subject: `[Preview] ${mail.subject}` });
  return { ...base, sent: 1, skipped: 0 };
}
