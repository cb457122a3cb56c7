// /subscription/confirm?token=: the emailed confirmation link. Mail scanners open every link, so this page only
// asks; the "Confirm" button posts the token to /api/subscriptions/confirm, which confirms.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { previewConfirmation } from "@/server/subscriptions/confirm-subscription";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false }, referrer: "no-referrer" };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const preview = await previewConfirmation({ db: await getDb(), token: typeof token === "string" ? token : undefined, now: new Date() });
  // Unknown, used, tampered and expired links all get the segment's helpful 404 page, with no button.
  if (preview.status === "invalid" || preview.status === "expired") return notFound();
  const what = preview.topics.length > 0 ? <>the trending papers on {preview.topics.join(", ")}</> : <>the day’s trending papers</>;
  if (preview.status === "already_confirmed") {
    return (
      <div className="mx-auto max-w-xl py-12">
        <h1 className="font-serif text-3xl font-semibold">Already confirmed</h1>
        <p className="mt-3 text-stone-700 dark:text-stone-300">
          <strong>{preview.maskedEmail}</strong> is confirmed. Every digest has a link to your settings.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-3xl font-semibold">Confirm your subscription</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        Send <strong>{preview.maskedEmail}</strong> one email each morning with {what}?
      </p>
      <form method="post" action="/api/subscriptions/confirm" className="mt-6">
        <input type="hidden" name="token" value={token as string} />
        <button type="submit" className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
          Confirm subscription
        </button>
      </form>
    </div>
  );
}
