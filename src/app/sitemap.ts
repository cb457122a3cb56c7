// /sitemap.xml: the feed, topics and papers, read from the database on each request.
import type { MetadataRoute } from "next";
import { env } from "@/env";
import { getDb } from "@/server/store/sqlite/prisma-client";
import { sitemapEntries } from "@/server/store/sqlite/papers/sitemap-entries";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getDb(), env().appUrl, new Date());
}
