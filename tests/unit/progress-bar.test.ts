// The CLI progress bar draws on a terminal and stays silent elsewhere.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgressBar } from "../../src/cli/progress-bar";

function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; output: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  Object.assign(stream, { isTTY });
  return { stream, output: () => text };
}

describe("createProgressBar", () => {
  it("draws the bar, percentage and counts on a TTY and ends with a newline", async () => {
    const { stream, output } = terminal(true);
    const bar = createProgressBar({ total: 4, label: "importing", stream, width: 8 });
    bar.tick(2);
    bar.tick(2);
    bar.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(output()).toContain("\rimporting ████░░░░  50% 2/4");
    expect(output().endsWith("\rimporting ████████ 100% 4/4\n")).toBe(true);
  });

  it("writes nothing when the stream is not a terminal", async () => {
    const { stream, output } = terminal(false);
    const bar = createProgressBar({ total: 3, label: "importing", stream });
    bar.tick();
    bar.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(output()).toBe("");
  });
});
