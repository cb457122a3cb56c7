// A paper's last 14 days of trending score as a small inline SVG line, drawn on the server (no script).
// Its text alternative states every number: the SVG's description for screen readers, and a table of the
// days for everyone, folded away under "Scores by day".
import type { HistoryPoint } from "@/domain/trend-history";

const WIDTH = 168;
const HEIGHT = 36;
const PAD = 3;

/** "Nov 26" from "2026-11-26". */
function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}

function linePoints(history: readonly HistoryPoint[]): { x: number; y: number }[] {
  const max = Math.max(...history.map((p) => p.score));
  const step = history.length > 1 ? (WIDTH - 2 * PAD) / (history.length - 1) : 0;
  return history.map((p, i) => ({
    x: Number((PAD + i * step).toFixed(1)),
    y: Number((max > 0 ? HEIGHT - PAD - (p.score / max) * (HEIGHT - 2 * PAD) : HEIGHT - PAD).toFixed(1)),
  }));
}

export function TrendSparkline({ history }: { history: HistoryPoint[] }) {
  if (history.length === 0) return null;
  const points = linePoints(history);
  const last = points.at(-1)!;
  const first = history[0]!;
  const today = history.at(-1)!;
  const description = `Trending score on each of the last ${history.length} days: ${history
    .map((p) => `${p.day}: ${p.score}`)
    .join("; ")}.`;
  return (
    <figure className="space-y-1" data-trend-history>
      <svg
        role="img"
        aria-labelledby="trend-title trend-desc"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="text-accent-700 dark:text-accent-300"
      >
        <title id="trend-title">{`Trend over ${history.length} days`}</title>
        <desc id="trend-desc">{description}</desc>
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} stroke="currentColor" strokeOpacity="0.2" />
        <polyline
          points={points.map((p) => `${p.x},${p.y}`).join(" ")}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
        <circle cx={last.x} cy={last.y} r="2.5" fill="currentColor" />
      </svg>
      <figcaption className="text-xs text-stone-600 dark:text-stone-400">
        Score {first.score} on {shortDay(first.day)}, {today.score} today
        <details className="mt-1">
          <summary className="cursor-pointer">Scores by day</summary>
          <table className="mt-1 text-left">
            <thead>
              <tr>
                <th scope="col" className="pr-3 font-medium">
                  Day
                </th>
                <th scope="col" className="font-medium">
                  Score
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((p) => (
                <tr key={p.day}>
                  <td className="pr-3">{p.day}</td>
                  <td>{p.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
