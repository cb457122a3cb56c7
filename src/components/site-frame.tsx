// Everything around a page's content, the same under both routers: the header with the search form, the
// main landmark the skip link points at, the footer, and the one small script that enhances the plain HTML.
import type { ReactNode } from "react";
import { SearchForm, type SearchFormProps } from "./search-form";
import { SiteHeader } from "./site-header";

/** Served from public/: votes, live search, the "/" shortcut and the view beacon (see the file). */
const ENHANCE_SCRIPT = "/enhance.js";

export function SiteFrame({ search, children }: { search?: SearchFormProps; children: ReactNode }) {
  return (
    <>
      <SiteHeader search={<SearchForm {...search} />} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-10 pt-4 text-sm text-stone-600 dark:text-stone-400">
        paper-digest: trending papers, explained. Abstracts belong to their authors.
      </footer>
      <script src={ENHANCE_SCRIPT} async />
    </>
  );
}
