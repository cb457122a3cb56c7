// Operator views of the subscriber list: rows for the terminal, a CSV export, and erasure of one person.
import { normaliseEmail } from "@/domain/subscription/email-address";
import { parseStoredTopics } from "@/domain/subscription/topics";
import type { Store } from "@/server/store/store";

const CSV_COLUMNS = [
  "id",
  "email",
  "status",
  "topics",
  "createdAt",
  "confirmedAt",
  "pausedAt",
  "unsubscribedAt",
  "consentAt",
  "consentIpHash",
  "consentUserAgent",
  "suppressedAt",
  "suppressReason",
  "lastDigestAt",
] as const;

type Subscribers = Pick<Store, "subscribers">;

export async function listSubscribers(store: Subscribers) {
  const rows = await store.subscribers.list();
  return rows.map((row) => ({ ...row, topics: parseStoredTopics(row.topics) }));
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export async function subscribersCsv(store: Subscribers): Promise<string> {
  const rows = await listSubscribers(store);
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(
      CSV_COLUMNS.map((column) => csvCell(column === "topics" ? row.topics.join("; ") : row[column])).join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Erases everything about one address (deliveries and sent papers cascade). Returns false when unknown. */
export async function deleteSubscriber(store: Subscribers, email: string): Promise<boolean> {
  const check = normaliseEmail(email);
  const address = check.ok ? check.email : email.trim();
  const subscriber = await store.subscribers.byEmail(address);
  if (!subscriber) return false;
  await store.subscribers.delete(subscriber.id);
  return true;
}
