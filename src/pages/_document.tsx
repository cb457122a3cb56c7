// The one HTML document of every page. Pages export `config = { unstable_runtimeJS: false }`, so in
// production NextScript renders nothing: no framework bundle, no __NEXT_DATA__, no inline script. The only
// script is the client bundle SiteFrame links (docs/architecture.md, "Pages and the client script").
import { Head, Html, Main, NextScript } from "next/document";

export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <meta name="theme-color" content="#fafaf9" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#0c0a09" media="(prefers-color-scheme: dark)" />
        <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
      </Head>
      <body className="min-h-screen font-sans">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
