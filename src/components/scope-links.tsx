// One query's other channels, side by side: the subscribe form filled in with it, its Atom feed and its API call.
import { feedPath, scopePath, type FeedScope } from "@/domain/feed-links";

export function ScopeLinks({ scope, emailLabel, testId }: { scope: FeedScope; emailLabel: string; testId?: string }) {
  return (
    <>
      <a
        href={scopePath("/subscribe", scope)}
        className="font-medium text-accent-700 underline dark:text-accent-300"
        {...(testId ? { "data-testid": testId } : {})}
      >
        {emailLabel}
      </a>
      {" · "}
      <a href={feedPath(scope)} className="underline">
        Atom feed
      </a>
      {" · "}
      <a href={scopePath("/api/papers", scope)} className="underline">
        JSON
      </a>
    </>
  );
}
