// /sitemap.xml: the feed, topics and papers, read from the database on each request.
import type { MetadataRoute } from "next";
import { env } from "@/env";
import { getStore } from "@/server/store/open-store";
import { sitemapEntries } from "@/server/papers/sitemap-entries";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getStore(), env().appUrl, new Date());
}
