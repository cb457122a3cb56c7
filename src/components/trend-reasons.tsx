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
          <span tabIndex={0} className="trend-reason">
            {reason.text}
            <span className="sr-only">: {reason.detail}</span>
            {/* The visible tooltip; hidden from screen readers, which already read the copy above. */}
            <span aria-hidden="true" className="trend-tip">
              {reason.detail}
            </span>
          </span>
        </Fragment>
      ))}
    </p>
  );
}
