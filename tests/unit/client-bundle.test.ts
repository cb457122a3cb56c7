// The client script bundles from src/client/ into one file within its budget, with nothing a strict CSP forbids.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildClient, CLIENT_BUDGET_BYTES } from "../../src/cli/build-client";
import { HOOKS } from "../../src/domain/page-hooks";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paper-digest-client-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the client bundle", () => {
  it("is one minified file within budget, without eval or new Function", async () => {
    const outfile = path.join(dir, "enhance.js");
    const bytes = await buildClient(outfile);
    const code = fs.readFileSync(outfile, "utf8");
    expect(bytes).toBe(Buffer.byteLength(code));
    expect(bytes).toBeLessThanOrEqual(CLIENT_BUDGET_BYTES);
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    expect(code).not.toMatch(/^import |\brequire\(/m);
    // The hooks come from the one shared list, not from copies typed into the script.
    for (const attribute of Object.values(HOOKS)) expect(code).toContain(attribute);
  });
});
