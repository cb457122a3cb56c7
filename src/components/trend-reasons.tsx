// Why a paper is where it is: the reasons joined by " · ", each showing its numbers on hover and on
// keyboard focus (screen readers get them as part of the text). Server-renderable: no state, no script.
import { Fragment } from "react";

export interface TrendReasonsProps {
  reasons: { text: string; detail: string }[];
}

export function TrendReasons({ reasons }: TrendReasonsProps) {
  if (reasons.length === 0) return null;
  return (
    <p className="flex flex-wrap items-baseline gap-x-1 text-sm text-stone-600 dark:text-stone-400">
      <span className="sr-only">Why it is trending: </span>
      {reasons.map((reason, index) => (
        <Fragment key={`${reason.text}-${index}`}>
          {index > 0 && <span aria-hidden="true">·</span>}
          <span
            tabIndex={0}
            className="group relative cursor-help rounded underline decoration-stone-400 decoration-dotted underline-offset-4"
          >
            {reason.text}
            <span className="sr-only">: {reason.detail}</span>
            {/* The visible tooltip; hidden from screen readers, which already read the copy above. */}
            <span
              aria-hidden="true"
              className="invisible absolute bottom-full left-0 z-10 mb-1 w-64 rounded-md bg-stone-900 px-2.5 py-1.5 text-xs leading-snug font-normal text-white no-underline opacity-0 shadow-lg transition-opacity group-hover:visible group-hover:opacity-100 group-focus:visible group-focus:opacity-100 dark:bg-stone-100 dark:text-stone-900"
            >
              {reason.detail}
            </span>
          </span>
        </Fragment>
      ))}
    </p>
  );
}
