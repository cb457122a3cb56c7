// Links to a paper's sources: its arXiv abstract and PDF, its DOI, or the page it was imported from.
import type { Paper } from "./paper";

export interface SourceLink {
  kind: "arxiv" | "pdf" | "doi" | "source";
  label: string;
  href: string;
}

/** Only http(s) addresses become links: an imported "javascript:" URL must never reach an href. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** Source links worth showing, arXiv first; none when nothing is known. */
export function paperSourceLinks(paper: Pick<Paper, "arxivId" | "sourceUrl" | "pdfUrl" | "doi">): SourceLink[] {
  const links: SourceLink[] = [];
  const abs = paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : null;
  if (abs) links.push({ kind: "arxiv", label: `arXiv:${paper.arxivId}`, href: abs });
  const pdf =
    (paper.pdfUrl && isWebUrl(paper.pdfUrl) ? paper.pdfUrl : null) ??
    (paper.arxivId ? `https://arxiv.org/pdf/${paper.arxivId}` : null);
  if (pdf) links.push({ kind: "pdf", label: "PDF", href: pdf });
  if (paper.doi)
    links.push({ kind: "doi", label: `DOI ${paper.doi}`, href: `https://doi.org/${encodeURI(paper.doi)}` });
  // An arXiv source URL is the abstract page again (http, with a version): no second link for it.
  if (paper.sourceUrl && isWebUrl(paper.sourceUrl) && !(abs && /arxiv\.org\/abs\//i.test(paper.sourceUrl))) {
    links.push({ kind: "source", label: "Source page", href: paper.sourceUrl });
  }
  return links;
}
