// /dev/outbox: the mails the local outbox transport wrote, newest first (DEV_OUTBOX, loopback clients only).
import type { GetServerSideProps } from "next";
import { notFoundProps, orNotFound, type NotFoundProps } from "@/components/not-found-page";
import { SitePage } from "@/components/site-page";
import { env } from "@/env";
import { mayReadOutbox } from "@/server/platform/http/dev-outbox-access";
import { listOutbox } from "@/server/platform/outbox";

export const config = { unstable_runtimeJS: false };

interface Props {
  outboxDir: string;
  messages: { file: string; to: string; subject: string; date: string | null }[];
}

export const getServerSideProps: GetServerSideProps<Props | NotFoundProps> = async ({ req, res }) => {
  const settings = env();
  if (!mayReadOutbox(req.headers)) return notFoundProps(res);
  const messages = (await listOutbox(settings.outboxDir)).map(({ file, to, subject, date }) => ({
    file,
    to,
    subject,
    date: date?.toISOString() ?? null,
  }));
  return { props: { outboxDir: settings.outboxDir, messages } };
};

export default orNotFound(OutboxPage);

function OutboxPage({ outboxDir, messages }: Props) {
  return (
    <SitePage head={{ title: "Outbox", robots: "noindex" }}>
      <div className="space-y-4">
        <h1 className="font-serif text-3xl font-semibold">Outbox</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          With no SMTP_URL set, mail is written to <code>{outboxDir}</code> instead of being sent.
        </p>
        {messages.length === 0 ? (
          <p>No messages yet. Subscribe with any address and the confirmation mail appears here.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {messages.map((message) => (
              <li key={message.file}>
                <a
                  href={`/dev/outbox/${encodeURIComponent(message.file)}`}
                  className="block px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800"
                >
                  <span className="font-medium">{message.subject}</span>
                  <span className="block text-sm text-stone-600 dark:text-stone-400">
                    to {message.to} · {message.date?.replace("T", " ").slice(0, 19) ?? "no date"} UTC
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </SitePage>
  );
}
