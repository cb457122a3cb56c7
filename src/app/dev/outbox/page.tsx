// /dev/outbox: the mails the local outbox transport wrote, newest first (DEV_OUTBOX, loopback clients only).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/env";
import { mayReadOutbox } from "@/server/http/dev-outbox-access";
import { listOutbox } from "@/server/outbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

export default async function OutboxPage() {
  const settings = env();
  if (!(await mayReadOutbox())) return notFound();
  const messages = await listOutbox(settings.outboxDir);
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-semibold">Outbox</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        With no SMTP_URL set, mail is written to <code>{settings.outboxDir}</code> instead of being sent.
      </p>
      {messages.length === 0 ? (
        <p>No messages yet. Subscribe with any address and the confirmation mail appears here.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {messages.map((message) => (
            <li key={message.file}>
              <Link href={`/dev/outbox/${encodeURIComponent(message.file)}`} className="block px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800">
                <span className="font-medium">{message.subject}</span>
                <span className="block text-sm text-stone-600 dark:text-stone-400">
                  to {message.to} · {message.date?.toISOString().replace("T", " ").slice(0, 19) ?? "no date"} UTC
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
