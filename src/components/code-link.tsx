// The "Code" link of a paper (its repository) and the feed's "With code" filter switch.

const CODE_LINK_CLASS =
  "inline-flex min-h-8 items-center gap-1 rounded-full border border-stone-300 px-3 text-sm font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800";

/** Only http(s) repository addresses are stored, so the link is safe to render as is. */
export function CodeLink({ href, title }: { href: string | null; title: string }) {
  if (!href) return null;
  return (
    <a href={href} rel="noopener" className={CODE_LINK_CLASS} aria-label={`Code for ${title}`}>
      Code
    </a>
  );
}

/** A plain link that adds or removes `has=code`, so the filter works without JavaScript. */
export function CodeFilter({ active, href }: { active: boolean; href: string }) {
  return (
    <p className="text-sm">
      <a href={href} className={CODE_LINK_CLASS}>
        {active ? "Showing papers with code: show all" : "Only papers with code"}
      </a>
    </p>
  );
}
