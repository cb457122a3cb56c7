// /digest/preview?token=: a subscriber's own next digest, composed now exactly as the morning run would.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatDigestDate } from "@/domain/digest/digest-date";
import { getStore } from "@/server/store/open-store";
import { subscriberPreview } from "@/server/digest/digest-editions";
import { digestSettingsFromEnv } from "@/server/digest/digest-settings";
import { DigestItems } from "../digest-items";

export const dynamic = "force-dynamic";
// The token is a credential: keep the page out of indexes and referrers.
export const metadata: Metadata = { title: "Your next digest", robots: { index: false, follow: false }, referrer: "no-referrer" };

const PreviewQuerySchema = z.object({ token: z.string().max(200).optional() });

export default async function DigestPreviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = PreviewQuerySchema.safeParse(await searchParams);
  const token = query.success ? query.data.token : undefined;
  const preview = await subscriberPreview(await getStore(), token, new Date(), digestSettingsFromEnv());
  if (!preview) {
    return (
      <div className="mx-auto max-w-xl space-y-3">
        <h1 className="font-serif text-2xl font-semibold">Link not recognised</h1>
        <p>This preview link is incomplete or was replaced by a newer one. Use the link in your most recent email, or see <Link href="/digest" className="underline">today&apos;s digest</Link>.</p>
      </div>
    );
  }
  const manage = `/subscription?token=${encodeURIComponent(token ?? "")}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Your next digest</p>
        <h1 className="font-serif text-2xl font-semibold sm:text-3xl">{formatDigestDate(preview.date)}</h1>
        <p className="text-stone-600 dark:text-stone-400">
          {preview.status === "active" ? "What your next email would contain if it went out now." : `Your subscription is ${preview.status}, so no email goes out; this is what it would contain.`}{" "}
          <Link href={manage} className="text-accent-700 underline dark:text-accent-300">Change your topics</Link>.
        </p>
      </header>
      {preview.items.length > 0 ? <DigestItems items={preview.items} /> : <p>Nothing new since your last digest: no email would be sent.</p>}
    </div>
  );
}
