// Resolves what a subscriber wrote as topics (slugs, labels, aliases) to the catalogue's topic slugs.

export interface CatalogueTopic {
  slug: string;
  label: string;
  aliases: readonly string[];
}

/** Lower-case words joined by "-": "Quantization", "quantization" and "  QUANTIZATION " match. */
export function topicKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Builds a lookup once per run: any spelling key → canonical slug. */
export function topicResolver(catalogue: readonly CatalogueTopic[]): (wanted: readonly string[]) => string[] {
  const bySpelling = new Map<string, string>();
  for (const topic of catalogue) {
    for (const spelling of [topic.slug, topic.label, ...topic.aliases]) {
      const key = topicKey(spelling);
      if (key && !bySpelling.has(key)) bySpelling.set(key, topic.slug);
    }
  }
  return (wanted) => {
    const slugs = wanted.map((w) => bySpelling.get(topicKey(w))).filter((slug): slug is string => slug !== undefined);
    return [...new Set(slugs)];
  };
}

/**
 * The catalogue labels of what a reader wrote. Words that name no topic are left out: anyone can type an
 * address and any text into the subscribe form, so mail must never repeat that text to the address's owner.
 */
export function catalogueLabels(wanted: readonly string[], catalogue: readonly CatalogueTopic[]): string[] {
  const labels = new Map(catalogue.map((topic) => [topic.slug, topic.label]));
  return topicResolver(catalogue)(wanted).map((slug) => labels.get(slug) ?? slug);
}
