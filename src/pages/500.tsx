// The error page (status 500): what a reader sees when rendering a page throws, in the product's look.
// Prerendered at build time; the details stay in the server log.
import { ErrorMessage } from "@/components/error-message";
import { SitePage } from "@/components/site-page";

export const config = { unstable_runtimeJS: false };

export default function ServerErrorPage() {
  return (
    <SitePage head={{ title: "Something went wrong", robots: "noindex" }}>
      <ErrorMessage
        heading="This page could not be loaded"
        explanation="It is probably a passing problem on our side. Try again, or go back to the trending papers."
      />
    </SitePage>
  );
}
