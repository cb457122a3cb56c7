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
