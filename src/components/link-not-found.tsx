// The helpful 404 of a link from an email that no longer works (confirmation or manage link).
import type { ReactNode } from "react";

export function LinkNotFound({
  heading,
  children,
  action,
}: {
  heading: string;
  children: ReactNode;
  action: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-3xl font-semibold">{heading}</h1>
      {children}
      <a
        href={action.href}
        className="mt-6 inline-block rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700"
      >
        {action.label}
      </a>
    </div>
  );
}
