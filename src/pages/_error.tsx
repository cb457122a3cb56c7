// Any other error status Next answers itself (a malformed address gets 400, for one), in the product's look
// and without runtime JS like every page. 404 and 500 have their own pages.
import type { NextPageContext } from "next";
import { ErrorMessage } from "@/components/error-message";
import { SitePage } from "@/components/site-page";

export const config = { unstable_runtimeJS: false };

function ErrorPage({ statusCode }: { statusCode: number }) {
  const theirs = statusCode >= 400 && statusCode < 500;
  return (
    <SitePage head={{ title: "Something went wrong", robots: "noindex" }}>
      <ErrorMessage
        heading={theirs ? "This address could not be read" : "This page could not be loaded"}
        explanation={
          theirs
            ? "The address may be incomplete or mistyped. Check it, or go back to the trending papers."
            : "It is probably a passing problem on our side. Try again, or go back to the trending papers."
        }
      />
    </SitePage>
  );
}

ErrorPage.getInitialProps = ({ res, err }: NextPageContext) => ({
  statusCode: res?.statusCode ?? err?.statusCode ?? 500,
});

export default ErrorPage;
