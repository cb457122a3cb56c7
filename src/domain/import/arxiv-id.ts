// arXiv identifiers: new style 2501.01234 and old style hep-th/9901001, without the version suffix.

const NEW_STYLE = /(\d{4}\.\d{4,5})(?!\d)(?:v\d+)?/;
const OLD_STYLE = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?!\d)(?:v\d+)?/;
const ID_ALONE = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

/**
 * The versionless arXiv id inside an abs/pdf URL, an OAI identifier ("oai:arXiv.org:2501.01234v2"),
 * an "arXiv:2501.01234" reference or a bare id; null when there is none.
 */
export function arxivIdFrom(reference: string): string | null {
  const text = reference.trim();
  const located = /(?:arxiv\.org\/(?:abs|pdf)\/|oai:arxiv\.org:|arxiv:)(.+)$/i.exec(text)?.[1] ?? text;
  const match = NEW_STYLE.exec(located) ?? OLD_STYLE.exec(located);
  const id = match?.[1];
  return id && ID_ALONE.test(id) && located.startsWith(id) ? id : null;
}

export function isArxivId(value: string): boolean {
  return ID_ALONE.test(value);
}
