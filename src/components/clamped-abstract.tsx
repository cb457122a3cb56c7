// An abstract clamped to a few lines with a "more" toggle that works without JavaScript
// (a visually hidden checkbox drives the CSS through `peer`).

export function ClampedAbstract({ id, text }: { id: string; text: string }) {
  const toggleId = `more-${id}`;
  return (
    <div className="mt-2">
      <input id={toggleId} type="checkbox" className="peer sr-only" />
      <p className="line-clamp-3 text-[15px] leading-relaxed text-stone-700 peer-checked:line-clamp-none dark:text-stone-300">
        {text}
      </p>
      <label
        htmlFor={toggleId}
        className="mt-1 inline-block cursor-pointer text-sm font-medium text-accent-700 hover:underline peer-focus-visible:outline peer-focus-visible:outline-2 dark:text-accent-300"
      >
        <span className="peer-checked:hidden">more</span>
        <span className="sr-only"> of the abstract</span>
      </label>
    </div>
  );
}
