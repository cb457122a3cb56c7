// A one-line progress bar on stderr for long CLI jobs; silent when the stream is not a terminal,
// so logs and pipes only get the final summary.

export interface ProgressBar {
  /** Advances by n (default 1) and redraws at most every REDRAW_MS. */
  tick(n?: number): void;
  /** Draws the final state and ends the line. */
  done(): void;
}

export interface ProgressBarOptions {
  total: number;
  label: string;
  stream?: NodeJS.WriteStream;
  width?: number;
}

const REDRAW_MS = 100;

export function createProgressBar({
  total,
  label,
  stream = process.stderr,
  width = 30,
}: ProgressBarOptions): ProgressBar {
  let current = 0;
  let lastDraw = 0;
  let finished = false;
  const enabled = stream.isTTY === true;

  const draw = () => {
    const ratio = total > 0 ? Math.min(1, current / total) : 1;
    const filled = Math.round(ratio * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    stream.write(`\r${label} ${bar} ${String(Math.floor(ratio * 100)).padStart(3)}% ${current}/${total}`);
    lastDraw = Date.now();
  };

  return {
    tick(n = 1) {
      current += n;
      if (enabled && !finished && Date.now() - lastDraw >= REDRAW_MS) draw();
    },
    done() {
      if (finished) return;
      finished = true;
      if (!enabled) return;
      draw();
      stream.write("\n");
    },
  };
}
