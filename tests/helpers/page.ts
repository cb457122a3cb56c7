// Renders a pages-router page as `next start` does for one GET: getServerSideProps with a real request
// and response, then the page component to HTML (the document shell aside).
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import type { GetServerSideProps, GetServerSidePropsContext } from "next";
import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";

// The constraint Next puts on page props.
type PageProps = { [key: string]: any };

interface PageModule<P extends PageProps> {
  default: FunctionComponent<P>;
  getServerSideProps: GetServerSideProps<P, any>; // any route params shape (e.g. { slug })
}

export function pageRenderer<P extends PageProps>(page: PageModule<P>) {
  return async (url: string, params?: Record<string, string>): Promise<{ status: number; html: string }> => {
    const req = Object.assign(new IncomingMessage(new Socket()), { url, method: "GET", cookies: {} });
    const res = new ServerResponse(req);
    const query = Object.fromEntries(new URL(url, "http://localhost").searchParams);
    const context = { req, res, query, params, resolvedUrl: url } as GetServerSidePropsContext;
    const result = await page.getServerSideProps(context);
    if ("notFound" in result) return { status: 404, html: "" };
    if ("redirect" in result) throw new Error(`${url} redirects to ${result.redirect.destination}`);
    const props = await result.props;
    return { status: res.statusCode, html: renderToStaticMarkup(createElement(page.default, props)) };
  };
}
