// /dev/outbox/[file]: one outbox mail: its headers, the links in it, and both parts (DEV_OUTBOX, loopback clients only).
import type { GetServerSideProps } from "next";
import { notFoundProps, orNotFound, type NotFoundProps } from "@/components/not-found-page";
import { SitePage } from "@/components/site-page";
import { env } from "@/env";
import { mayReadOutbox } from "@/server/platform/http/dev-outbox-access";
import { readOutboxMessage } from "@/server/platform/outbox";

export const config = { unstable_runtimeJS: false };

const SHOWN_HEADERS = ["from", "to", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"];

interface Props {
  subject: string;
  headers: { key: string; value: string }[];
  links: string[];
  html: string | null;
  text: string;
}

export const getServerSideProps: GetServerSideProps<Props | NotFoundProps, { file: string }> = async ({
  params,
  req,
  res,
}) => {
  const settings = env();
  if (!mayReadOutbox(req.headers)) return notFoundProps(res);
  const message = await readOutboxMessage(settings.outboxDir, params?.file ?? "");
  if (!message) return notFoundProps(res);
  const links = [...new Set(message.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
  const headers = message.headers
    .filter((h) => SHOWN_HEADERS.includes(h.key))
    .map(({ key, value }) => ({ key, value }));
  return { props: { subject: message.subject, headers, links, html: message.html, text: message.text } };
};

export default orNotFound(OutboxMessagePage);

function OutboxMessagePage({ subject, headers, links, html, text }: Props) {
  return (
    <SitePage head={{ title: "Outbox message", robots: "noindex" }}>
      <div className="space-y-6">
        <a href="/dev/outbox" className="text-sm underline">
          ← Outbox
        </a>
        <h1 className="font-serif text-2xl font-semibold">{subject}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {headers.map((h) => (
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
                <li key={link}>
                  <a href={link} className="break-all text-accent-700 underline dark:text-accent-300">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {html && (
          <section>
            <h2 className="font-semibold">HTML part</h2>
            {/* Sandboxed: the mail's HTML cannot run script or touch this page. */}
            <iframe
              title="HTML part"
              sandbox=""
              srcDoc={html}
              className="mt-2 h-[36rem] w-full rounded-lg border border-stone-200 bg-white dark:border-stone-800"
            />
          </section>
        )}
        <section>
          <h2 className="font-semibold">Text part</h2>
          <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
            {text}
          </pre>
        </section>
      </div>
    </SitePage>
  );
}
