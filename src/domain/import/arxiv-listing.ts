// Pieces shared by the arXiv Atom and RSS readers: listing abstracts, announce types, canonical links.

const LISTING_PREFIX = /^\s*arXiv:\S+\s+Announce Type:\s*\S+\s*(?:Abstract:\s*)?/i;

/** Listing feeds prefix the abstract with "arXiv:2501.01234v1 Announce Type: new Abstract:". */
export function listingAbstract(summary: string): string {
  return summary.replace(LISTING_PREFIX, "");
}

/** Listings announce new papers and revisions of old ones; only new (and cross-listed) papers are imported. */
export function revisionSkipReason(announceType: string | undefined): string | null {
  const type = announceType?.trim().toLowerCase();
  return type === "replace" || type === "replace-cross"
    ? `a revision of an earlier paper (announce type ${type})`
    : null;
}

/** dc:creator holds every author in one string: "A. One, B. Two and C. Three". */
export function splitCreators(creators: string): string[] {
  return creators
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Version-free abstract and PDF links when the id is known (they always show the latest version). */
export function arxivLinks(
  arxivId: string | null,
  alternate?: string,
  pdf?: string,
): { sourceUrl?: string; pdfUrl?: string } {
  if (arxivId) return { sourceUrl: `https://arxiv.org/abs/${arxivId}`, pdfUrl: `https://arxiv.org/pdf/${arxivId}` };
  return { sourceUrl: alternate, pdfUrl: pdf };
}
