// A digest's items on the web: numbered, grouped by section, each with its "why it's here" line.
import type { DigestItemView } from "@/view-models/digest-page";

function sectionTitle(section: DigestItemView["section"], hasTopics: boolean): string {
  if (section === "topics") return "Matching what you follow";
  return hasTopics ? "Also trending" : "Trending now";
}

export function DigestItems({ items }: { items: readonly DigestItemView[] }) {
  const hasTopics = items.some((item) => item.section === "topics");
  const sections = (["topics", "trending"] as const).filter((section) =>
    items.some((item) => item.section === section),
  );
  let number = 0;
  return (
    <div className="space-y-8">
      {sections.map((section) => (
        <section key={section} aria-labelledby={`digest-${section}`}>
          <h2
            id={`digest-${section}`}
            className="mb-3 text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300"
          >
            {sectionTitle(section, hasTopics)}
          </h2>
          <ol className="space-y-4">
            {items
              .filter((item) => item.section === section)
              .map((item) => (
                <li
                  key={item.paper.id}
                  value={++number}
                  className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
                >
                  <h3 className="font-serif text-lg font-semibold leading-snug">
                    <span className="mr-1 text-stone-600 dark:text-stone-400">{number}.</span>
                    <a href={`/papers/${item.paper.slug}`} className="hover:underline">
                      {item.paper.title}
                    </a>
                  </h3>
                  {item.paper.authors.length > 0 && (
                    <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                      {item.paper.authors.slice(0, 5).join(", ")}
                      {item.paper.authors.length > 5 ? " et al." : ""}
                    </p>
                  )}
                  <p className="mt-2 leading-relaxed">{item.excerpt}</p>
                  <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                    <strong>Why it&apos;s here:</strong> {item.reason}
                  </p>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
