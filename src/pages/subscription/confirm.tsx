// /subscription/confirm?token=: the emailed confirmation link. Mail scanners open every link, so this page only
// asks; the "Confirm" button posts the token to /api/subscriptions/confirm, which confirms. Unknown, used,
// tampered and expired links get a helpful page with status 404 and no button.
import type { GetServerSideProps } from "next";
import { LinkNotFound } from "@/components/link-not-found";
import { SitePage } from "@/components/site-page";
import { getStore } from "@/server/store/open-store";
import { previewConfirmation } from "@/server/subscriptions/confirm-subscription";

export const config = { unstable_runtimeJS: false };

interface Props {
  /** Null: the link does not work. */
  preview: { confirmed: boolean; maskedEmail: string; topics: string[]; token: string } | null;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("token") ?? undefined;
  const preview = await previewConfirmation({ store: await getStore(), token, now: new Date() });
  if (preview.status === "invalid" || preview.status === "expired" || !token) {
    res.statusCode = 404;
    return { props: { preview: null } };
  }
  const { maskedEmail, topics } = preview;
  return {
    props: { preview: { confirmed: preview.status === "already_confirmed", maskedEmail, topics: [...topics], token } },
  };
};

export default function ConfirmPage({ preview }: Props) {
  const title = preview === null ? "Confirmation link not valid" : "Confirm your subscription";
  return (
    <SitePage head={{ title, robots: "noindex", noReferrer: true }}>
      {preview === null ? (
        <LinkNotFound
          heading="This confirmation link does not work"
          action={{ href: "/subscribe", label: "Get a new link" }}
        >
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            Confirmation links expire after 48 hours, work once, and only the newest one you were sent is valid. Some
            mail apps also cut long links short.
          </p>
          <p className="mt-3 text-stone-700 dark:text-stone-300">Subscribe again and we will send you a fresh link.</p>
        </LinkNotFound>
      ) : preview.confirmed ? (
        <div className="mx-auto max-w-xl py-12">
          <h1 className="font-serif text-3xl font-semibold">Already confirmed</h1>
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            <strong>{preview.maskedEmail}</strong> is confirmed. Every digest has a link to your settings.
          </p>
        </div>
      ) : (
        <div className="mx-auto max-w-xl py-12">
          <h1 className="font-serif text-3xl font-semibold">Confirm your subscription</h1>
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            Send <strong>{preview.maskedEmail}</strong> one email each morning with{" "}
            {preview.topics.length > 0 ? (
              <>the trending papers on {preview.topics.join(", ")}</>
            ) : (
              <>the day’s trending papers</>
            )}
            ?
          </p>
          <form method="post" action="/api/subscriptions/confirm" className="mt-6">
            <input type="hidden" name="token" value={preview.token} />
            <button
              type="submit"
              className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700"
            >
              Confirm subscription
            </button>
          </form>
        </div>
      )}
    </SitePage>
  );
}
