// Every page's outer shape: its <head> (PageHead) and the frame around its content (SiteFrame). The
// document itself (<html>, <body>, theme colour, icon) is pages/_document.tsx.
import type { ReactNode } from "react";
import { PageHead, type PageHeadProps } from "./page-head";
import type { SearchFormProps } from "./search-form";
import { SiteFrame } from "./site-frame";

export function SitePage({
  head,
  search,
  children,
}: {
  head: PageHeadProps;
  search?: SearchFormProps;
  children: ReactNode;
}) {
  return (
    <>
      <PageHead {...head} />
      <SiteFrame search={search}>{children}</SiteFrame>
    </>
  );
}
