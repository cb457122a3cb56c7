// /robots.txt: crawl the pages, not the API, redirects or personal subscription links; point at the sitemap.
import type { MetadataRoute } from "next";
import { env } from "@/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const appUrl = env().appUrl;
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/dev/", "/r/", "/subscription", "/unsubscribe"] },
    sitemap: `${appUrl}/sitemap.xml`,
    host: appUrl,
  };
}
