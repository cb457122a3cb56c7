// The pages router's shell (the feed and paper pages live there, without client-side React): global
// styles and the viewport. The frame around each page is SiteFrame, shared with the app router's layout.
import type { AppProps } from "next/app";
import Head from "next/head";
import "../app/globals.css";

export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Component {...pageProps} />
    </>
  );
}
