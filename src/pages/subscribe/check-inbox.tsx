// /subscribe/check-inbox: where a subscribe form post without JavaScript lands (same page for every address).
// Static: prerendered at build time.
import { SitePage } from "@/components/site-page";

export const config = { unstable_runtimeJS: false };

export default function CheckInboxPage() {
  return (
    <SitePage head={{ title: "Check your inbox", robots: "noindex" }}>
      <div role="status" className="mx-auto max-w-xl py-12">
        <h1 className="font-serif text-3xl font-semibold">Check your inbox</h1>
        <p className="mt-3 text-stone-700 dark:text-stone-300">
          We sent a confirmation link to the address you entered. Click it within 48 hours and your daily digest starts
          the next morning.
        </p>
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          Nothing there after a few minutes? Look in the spam folder, or{" "}
          <a href="/subscribe" className="underline">
            try again
          </a>
          .
        </p>
        <a
          href="/"
          className="mt-6 inline-block rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700"
        >
          Back to trending papers
        </a>
      </div>
    </SitePage>
  );
}
