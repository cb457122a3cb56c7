// Sitemaps as search engines read them (sitemaps.org 0.9): a <urlset> of at most 50,000 URLs, and beyond that
// a <sitemapindex> naming child sitemaps of 50,000 URLs each.

export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
  changeFrequency?: "hourly" | "daily" | "weekly" | "monthly";
  priority?: number;
}

/** How many child sitemaps `urlCount` URLs need; 1 means a single <urlset> serves them all. */
export function sitemapFileCount(urlCount: number, limit = SITEMAP_URL_LIMIT): number {
  return Math.max(1, Math.ceil(urlCount / limit));
}

export function urlsetXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const fields = [`<loc>${escapeXml(entry.url)}</loc>`];
    if (entry.lastModified) fields.push(`<lastmod>${entry.lastModified.toISOString()}</lastmod>`);
    if (entry.changeFrequency) fields.push(`<changefreq>${entry.changeFrequency}</changefreq>`);
    if (entry.priority !== undefined) fields.push(`<priority>${entry.priority}</priority>`);
    return `<url>\n${fields.join("\n")}\n</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function sitemapIndexXml(locations: readonly string[], lastModified: Date): string {
  const sitemaps = locations.map(
    (loc) => `<sitemap>\n<loc>${escapeXml(loc)}</loc>\n<lastmod>${lastModified.toISOString()}</lastmod>\n</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join("\n")}\n</sitemapindex>\n`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
