// /dev/outbox/[file]: one outbox mail: its headers, the links in it, and both parts (DEV_OUTBOX, loopback clients only).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/env";
import { mayReadOutbox } from "@/server/http/dev-outbox-access";
import { readOutboxMessage } from "@/server/outbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox message", robots: { index: false } };

export default async function OutboxMessagePage({ params }: { params: Promise<{ file: string }> }) {
  const settings = env();
  if (!(await mayReadOutbox())) return notFound();
  const { file } = await params;
  const message = await readOutboxMessage(settings.outboxDir, file);
  if (!message) return notFound();
  const links = [...new Set(message.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
  return (
    <div className="space-y-6">
      <Link href="/dev/outbox" className="text-sm underline">← Outbox</Link>
      <h1 className="font-serif text-2xl font-semibold">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {message.headers.filter((h) => ["from", "to", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"].includes(h.key)).map((h) => (
          <div key={h.key} className="contents">
            <dt className="font-medium text-stone-600 dark:text-stone-400">{h.key}</dt>
            <dd className="break-all">{h.value}</dd>
          </div>
        ))}
      </dl>
      {links.length > 0 && (
        <section>
          <h2 className="font-semibold">Links in this message</h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {links.map((link) => (
              <li key={link}><a href={link} className="break-all text-accent-700 underline dark:text-accent-300">{link}</a></li>
            ))}
          </ul>
        </section>
      )}
      {message.html && (
        <section>
          <h2 className="font-semibold">HTML part</h2>
          {/* Sandboxed: the mail's HTML cannot run script or touch this page. */}
          <iframe title="HTML part" sandbox="" srcDoc={message.html} className="mt-2 h-[36rem] w-full rounded-lg border border-stone-200 bg-white dark:border-stone-800" />
        </section>
      )}
      <section>
        <h2 className="font-semibold">Text part</h2>
        <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">{message.text}</pre>
      </section>
    </div>
  );
}
