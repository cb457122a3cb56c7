import type { Metadata, Viewport } from "next";
import { Suspense, type ReactNode } from "react";
import { SearchBox } from "@/components/search-box";
import { SearchFormStatic } from "@/components/search-form-static";
import { SiteHeader } from "@/components/site-header";
import { feedAlternates } from "@/domain/feed-links";
import { env } from "@/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env().appUrl),
  title: { default: "paper-digest: trending research papers", template: "%s · paper-digest" },
  description: "Trending research papers with an explainable ranking, search by topic, and a daily email digest.",
  alternates: { types: feedAlternates() },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <SiteHeader
          search={
            <Suspense fallback={<SearchFormStatic />}>
              <SearchBox />
            </Suspense>
          }
        />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pb-10 pt-4 text-sm text-stone-600 dark:text-stone-400">
          paper-digest: trending papers, explained. Abstracts belong to their authors.
        </footer>
      </body>
    </html>
  );
}
