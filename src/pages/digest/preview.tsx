// /digest/preview?token=: a subscriber's own next digest, composed now exactly as the morning run would.
import type { GetServerSideProps } from "next";
import { z } from "zod";
import { DigestItems } from "@/components/digest-items";
import { SitePage } from "@/components/site-page";
import { formatDigestDate } from "@/domain/digest/digest-date";
import { env } from "@/env";
import { subscriberPreview } from "@/server/digest/digest-editions";
import { digestSettingsFromEnv } from "@/server/digest/digest-settings";
import { getStore } from "@/server/store/open-store";
import { digestItemViews, type DigestItemView } from "@/view-models/digest-page";

export const config = { unstable_runtimeJS: false };

const PreviewQuerySchema = z.object({ token: z.string().max(200).optional() });

interface Props {
  /** Null: the link's token is unknown or was replaced. */
  preview: { date: string; status: string; items: DigestItemView[]; manageUrl: string } | null;
  appUrl: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req }) => {
  const query = PreviewQuerySchema.safeParse(
    Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams),
  );
  const token = query.success ? query.data.token : undefined;
  const preview = await subscriberPreview(await getStore(), token, new Date(), digestSettingsFromEnv());
  const appUrl = env().appUrl;
  if (!preview) return { props: { preview: null, appUrl } };
  const manageUrl = `/subscription?token=${encodeURIComponent(token ?? "")}`;
  return {
    props: {
      preview: { date: preview.date, status: preview.status, items: digestItemViews(preview.items), manageUrl },
      appUrl,
    },
  };
};

export default function DigestPreviewPage({ preview, appUrl }: Props) {
  // The token is a credential: keep the page out of indexes and referrers.
  const head = { appUrl, title: "Your next digest", robots: "noindex, nofollow" as const, noReferrer: true };
  return (
    <SitePage head={head}>
      {preview === null ? (
        <div className="mx-auto max-w-xl space-y-3">
          <h1 className="font-serif text-2xl font-semibold">Link not recognised</h1>
          <p>
            This preview link is incomplete or was replaced by a newer one. Use the link in your most recent email, or
            see{" "}
            <a href="/digest" className="underline">
              today&apos;s digest
            </a>
            .
          </p>
        </div>
      ) : (
        <div className="mx-auto max-w-3xl space-y-6">
          <header className="space-y-1">
            <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
              Your next digest
            </p>
            <h1 className="font-serif text-2xl font-semibold sm:text-3xl">{formatDigestDate(preview.date)}</h1>
            <p className="text-stone-600 dark:text-stone-400">
              {preview.status === "active"
                ? "What your next email would contain if it went out now."
                : `Your subscription is ${preview.status}, so no email goes out; this is what it would contain.`}{" "}
              <a href={preview.manageUrl} className="text-accent-700 underline dark:text-accent-300">
                Change your topics
              </a>
              .
            </p>
          </header>
          {preview.items.length > 0 ? (
            <DigestItems items={preview.items} />
          ) : (
            <p>Nothing new since your last digest: no email would be sent.</p>
          )}
        </div>
      )}
    </SitePage>
  );
}
