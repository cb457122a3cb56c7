// Shown (status 404) for an unknown, tampered or replaced manage link.
import Link from "next/link";

export default function ManageLinkNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-3xl font-semibold">This subscription link does not work</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        It may be incomplete (some mail apps cut long links short) or replaced by newer links. Use the “Manage subscription” link in your most recent digest.
      </p>
      <Link href="/" className="mt-6 inline-block rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
        Back to trending papers
      </Link>
    </div>
  );
}
