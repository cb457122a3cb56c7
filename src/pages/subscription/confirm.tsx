// /subscription/confirm?token=: confirms a double opt-in from the emailed link and says what happens next.
// Unknown, tampered and expired links get a helpful page with status 404.
import type { GetServerSideProps } from "next";
import { LinkNotFound } from "@/components/link-not-found";
import { SitePage } from "@/components/site-page";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { confirmSubscription } from "@/server/subscriptions/confirm-subscription";

export const config = { unstable_runtimeJS: false };

interface Props {
  /** Null: the link does not work. */
  confirmed: { again: boolean; maskedEmail: string; topics: string[]; manageUrl: string } | null;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("token") ?? undefined;
  const outcome = await confirmSubscription({ db: await getDb(), token, now: new Date(), appUrl: env().appUrl });
  if (outcome.status === "invalid" || outcome.status === "expired") {
    res.statusCode = 404;
    return { props: { confirmed: null } };
  }
  const { maskedEmail, topics, manageUrl } = outcome;
  return {
    props: {
      confirmed: { again: outcome.status === "already_confirmed", maskedEmail, topics: [...topics], manageUrl },
    },
  };
};

export default function ConfirmPage({ confirmed }: Props) {
  const title = confirmed === null ? "Confirmation link not valid" : "Subscription confirmed";
  return (
    <SitePage head={{ title, robots: "noindex", noReferrer: true }}>
      {confirmed === null ? (
        <LinkNotFound
          heading="This confirmation link does not work"
          action={{ href: "/subscribe", label: "Get a new link" }}
        >
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            Confirmation links expire after 48 hours, and only the newest one you were sent is valid. Some mail apps
            also cut long links short.
          </p>
          <p className="mt-3 text-stone-700 dark:text-stone-300">Subscribe again and we will send you a fresh link.</p>
        </LinkNotFound>
      ) : (
        <div className="mx-auto max-w-xl py-12">
          <h1 className="font-serif text-3xl font-semibold">
            {confirmed.again ? "Already confirmed" : "You are subscribed"}
          </h1>
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            <strong>{confirmed.maskedEmail}</strong> will get one email each morning with{" "}
            {confirmed.topics.length > 0 ? (
              <>the trending papers on {confirmed.topics.join(", ")}</>
            ) : (
              <>the day’s trending papers</>
            )}
            .
          </p>
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            Every digest has a one-click unsubscribe link and a link to your settings, where you can change topics or
            pause.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <a
              href={confirmed.manageUrl}
              className="rounded-full border border-stone-300 px-5 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              Manage subscription
            </a>
            <a href="/" className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
              Browse trending papers
            </a>
          </div>
        </div>
      )}
    </SitePage>
  );
}
