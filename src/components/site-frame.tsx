// Everything around a page's content, the same under both routers: the header with the search form, the
// main landmark the skip link points at, the footer, and the one small script that enhances the plain HTML.
import type { ReactNode } from "react";
import { CLIENT_SCRIPT_PATH, MAIN_ID } from "@/domain/page-hooks";
import { SearchForm, type SearchFormProps } from "./search-form";
import { SiteHeader } from "./site-header";

export function SiteFrame({ search, children }: { search?: SearchFormProps; children: ReactNode }) {
  return (
    <>
      <SiteHeader search={<SearchForm {...search} />} />
      <main id={MAIN_ID} className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-10 pt-4 text-sm text-stone-600 dark:text-stone-400">
        paper-digest: trending papers, explained. Abstracts belong to their authors.
      </footer>
      {/* Votes, live search, the "/" shortcut, the subscribe box and the view beacon: src/client/. */}
      <script src={CLIENT_SCRIPT_PATH} async />
    </>
  );
}
