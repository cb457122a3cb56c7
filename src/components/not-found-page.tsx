// The 404 page, rendered by the page that found nothing. Pages answer their own 404s instead of returning
// `notFound: true`: with route handlers in src/app, Next would render its app-router not-found page, which
// ships the framework runtime and inline scripts (docs/architecture.md, "Pages and the client script").
import type { FunctionComponent } from "react";
import { NotFoundMessage } from "./not-found-message";
import { SitePage } from "./site-page";

export interface NotFoundProps {
  notFound: true;
}

/** getServerSideProps' answer when there is nothing at this address: status 404 and the 404 page. */
export function notFoundProps(res: { statusCode: number }): { props: NotFoundProps } {
  res.statusCode = 404;
  return { props: { notFound: true } };
}

export function NotFoundPage() {
  return (
    <SitePage head={{ title: "Page not found", robots: "noindex" }}>
      <NotFoundMessage />
    </SitePage>
  );
}

/** A page component that shows the 404 page when its getServerSideProps answered notFoundProps(). */
export function orNotFound<P extends object>(Page: FunctionComponent<P>): FunctionComponent<P | NotFoundProps> {
  function PageOrNotFound(props: P | NotFoundProps) {
    return "notFound" in props ? <NotFoundPage /> : <Page {...props} />;
  }
  return PageOrNotFound;
}
