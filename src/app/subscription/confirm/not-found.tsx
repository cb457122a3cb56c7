// Shown (status 404) for an unknown, tampered or expired confirmation link.
import Link from "next/link";

export default function ConfirmLinkNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-3xl font-semibold">This confirmation link does not work</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        Confirmation links expire after 48 hours, and only the newest one you were sent is valid. Some mail apps also cut long links short.
      </p>
      <p className="mt-3 text-stone-700 dark:text-stone-300">Subscribe again and we will send you a fresh link.</p>
      <Link href="/subscribe" className="mt-6 inline-block rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
        Get a new link
      </Link>
    </div>
  );
}
